-- One statement per append (appendTaskEvents, lib/db/task-events.ts, says what it guarantees):
-- the task row lock, the duplicate and status checks, the insert and the task's last_seq (and,
-- for a progress report, its progress) in one round trip, inside the caller's transaction or as
-- a transaction of its own.
CREATE FUNCTION "append_task_events"(
  p_task_id text,
  p_tenant_id text,
  p_agent text,
  p_drafts jsonb,
  p_at timestamptz,
  p_only_while_status text,
  p_progress jsonb
) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  task_row record;
  draft_count integer := jsonb_array_length(p_drafts);
BEGIN
  SELECT last_seq, status INTO task_row FROM tasks WHERE id = p_task_id AND tenant_id = p_tenant_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN 'missing';
  END IF;
  IF draft_count = 0 THEN
    RETURN 'appended';
  END IF;
  -- Checked once the row lock is held: an earlier attempt of this write is visible by then.
  IF EXISTS (SELECT 1 FROM events WHERE id = p_drafts->0->>'id') THEN
    RETURN 'duplicate';
  END IF;
  IF p_only_while_status IS NOT NULL AND task_row.status <> p_only_while_status THEN
    RETURN 'skipped';
  END IF;
  INSERT INTO events (id, tenant_id, task_id, task_seq, agent, type, data, created_at)
  SELECT draft->>'id', p_tenant_id, p_task_id, task_row.last_seq + ordinal::int, p_agent, draft->>'type', draft->'data', p_at
    FROM jsonb_array_elements(p_drafts) WITH ORDINALITY AS drafts(draft, ordinal);
  UPDATE tasks
     SET last_seq = task_row.last_seq + draft_count,
         updated_at = p_at,
         progress = CASE WHEN p_progress IS NULL THEN progress ELSE (p_progress->>'fraction')::double precision END,
         progress_message = CASE WHEN p_progress IS NULL THEN progress_message ELSE p_progress->>'message' END
   WHERE id = p_task_id;
  RETURN 'appended';
END
$$;

-- Several writers' appends in one transaction (appendTaskEventsAlone groups those that arrive
-- together): the tasks are locked in ID order first, so two batches never wait on each other in
-- a cycle, then each append runs as above and its outcome is returned in order.
CREATE FUNCTION "append_task_events_batch"(p_appends jsonb) RETURNS text[]
LANGUAGE plpgsql AS $$
DECLARE
  item jsonb;
  outcomes text[] := '{}';
BEGIN
  PERFORM 1 FROM tasks WHERE id IN (SELECT a->>'task_id' FROM jsonb_array_elements(p_appends) AS a) ORDER BY id FOR UPDATE;
  FOR item IN SELECT value FROM jsonb_array_elements(p_appends) LOOP
    outcomes := outcomes || append_task_events(
      item->>'task_id', item->>'tenant_id', item->>'agent', item->'drafts', (item->>'at')::timestamptz,
      item->>'only_while_status', NULLIF(item->'progress', 'null'::jsonb));
  END LOOP;
  RETURN outcomes;
END
$$;
