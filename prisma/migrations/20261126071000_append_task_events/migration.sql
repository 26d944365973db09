-- One statement per append (appendTaskEvents, lib/db/task-events.ts, says what it guarantees):
-- the task row lock, the duplicate and status checks, the insert, and the task's last_seq with
-- the caller's patch of its projection (p_patch: columns by name; absent ones stay), in one round
-- trip, inside the caller's transaction or as a transaction of its own. Returns the outcome and
-- the task's created_at.
CREATE FUNCTION "append_task_events"(
  p_task_id text,
  p_tenant_id text,
  p_agent text,
  p_drafts jsonb,
  p_at timestamptz,
  p_only_while_status text,
  p_patch jsonb
) RETURNS TABLE (outcome text, task_created_at timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
  task_row record;
  draft_count integer := jsonb_array_length(p_drafts);
BEGIN
  SELECT last_seq, status, created_at INTO task_row FROM tasks WHERE id = p_task_id AND tenant_id = p_tenant_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'missing'::text, NULL::timestamptz;
    RETURN;
  END IF;
  IF draft_count = 0 THEN
    RETURN QUERY SELECT 'appended'::text, task_row.created_at;
    RETURN;
  END IF;
  -- Checked once the row lock is held: an earlier attempt of this write is visible by then.
  IF EXISTS (SELECT 1 FROM events WHERE id = p_drafts->0->>'id') THEN
    RETURN QUERY SELECT 'duplicate'::text, task_row.created_at;
    RETURN;
  END IF;
  IF p_only_while_status IS NOT NULL AND task_row.status <> p_only_while_status THEN
    RETURN QUERY SELECT 'skipped'::text, task_row.created_at;
    RETURN;
  END IF;
  INSERT INTO events (id, tenant_id, task_id, task_seq, agent, type, data, created_at)
  SELECT draft->>'id', p_tenant_id, p_task_id, task_row.last_seq + ordinal::int, p_agent, draft->>'type', draft->'data', p_at
    FROM jsonb_array_elements(p_drafts) WITH ORDINALITY AS drafts(draft, ordinal);
  UPDATE tasks
     SET last_seq = task_row.last_seq + draft_count,
         updated_at = p_at,
         status = CASE WHEN p_patch ? 'status' THEN p_patch->>'status' ELSE status END,
         started_at = CASE WHEN p_patch ? 'started_at' THEN (p_patch->>'started_at')::timestamptz ELSE started_at END,
         completed_at = CASE WHEN p_patch ? 'completed_at' THEN (p_patch->>'completed_at')::timestamptz ELSE completed_at END,
         error_code = CASE WHEN p_patch ? 'error_code' THEN p_patch->>'error_code' ELSE error_code END,
         error_message = CASE WHEN p_patch ? 'error_message' THEN p_patch->>'error_message' ELSE error_message END,
         output = CASE WHEN p_patch ? 'output' THEN p_patch->'output' ELSE output END,
         progress = CASE WHEN p_patch ? 'progress' THEN (p_patch->>'progress')::double precision ELSE progress END,
         progress_message = CASE WHEN p_patch ? 'progress_message' THEN p_patch->>'progress_message' ELSE progress_message END,
         executions = CASE WHEN p_patch ? 'executions' THEN p_patch->'executions' ELSE executions END,
         feedback = CASE WHEN p_patch ? 'feedback' THEN p_patch->>'feedback' ELSE feedback END
   WHERE id = p_task_id;
  RETURN QUERY SELECT 'appended'::text, task_row.created_at;
END
$$;

-- Several writers' appends in one transaction (appendTaskEventsAlone groups those that arrive
-- together): the tasks are locked in ID order first, so two batches never wait on each other in
-- a cycle, then each append runs as above; their results are returned in order.
CREATE FUNCTION "append_task_events_batch"(p_appends jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  item jsonb;
  results jsonb := '[]';
BEGIN
  PERFORM 1 FROM tasks WHERE id IN (SELECT a->>'task_id' FROM jsonb_array_elements(p_appends) AS a) ORDER BY id FOR UPDATE;
  FOR item IN SELECT value FROM jsonb_array_elements(p_appends) LOOP
    results := results || (SELECT to_jsonb(appended) FROM append_task_events(
      item->>'task_id', item->>'tenant_id', item->>'agent', item->'drafts', (item->>'at')::timestamptz,
      item->>'only_while_status', NULLIF(item->'patch', 'null'::jsonb)) AS appended);
  END LOOP;
  RETURN results;
END
$$;
