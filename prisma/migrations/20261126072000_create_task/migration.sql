-- A task's creation in one statement (insertTask, lib/db/task-creation.ts, says what it
-- guarantees): the tenant's queued limit, the task row, its first events and the task_starts
-- outbox row, inside the caller's transaction or as a transaction of its own.
--   p_task:       the row's columns by name (jsonb_populate_record); omitted ones take the
--                 column defaults below, created_at is the transaction's time
--   p_events:     [{id, type, data}], appended as append_task_events does
--   p_task_queue: where its workflow starts (NULL: no workflow, e.g. a task recorded failed)
--   p_max_queued: TENANT_MAX_QUEUED_TASKS for a queued task (NULL: not checked)
-- Outcome: 'created'; 'exists' when the ID or the tenant's idempotency key is taken (nothing
-- written); 'too_many_queued' with the count (nothing written).
CREATE FUNCTION "create_task"(p_task jsonb, p_events jsonb, p_task_queue text, p_max_queued integer)
RETURNS TABLE (outcome text, queued integer)
LANGUAGE plpgsql AS $$
DECLARE
  waiting integer;
BEGIN
  IF p_max_queued IS NOT NULL AND p_task->>'status' = 'queued' THEN
    SELECT count(*) INTO waiting FROM tasks WHERE tenant_id = p_task->>'tenant_id' AND status = 'queued';
    IF waiting >= p_max_queued THEN
      RETURN QUERY SELECT 'too_many_queued'::text, waiting;
      RETURN;
    END IF;
  END IF;
  INSERT INTO tasks (id, tenant_id, agent, task_type, input, status, priority, session_id, title, description, type,
                     skills, owner_email, assigned_users, followers, idempotency_key, request_hash, trigger_type,
                     trigger_source, trigger_task_id, trigger_artifact_id, trigger_channel, trigger_depth,
                     error_code, error_message, completed_at)
  SELECT r.id, r.tenant_id, r.agent, r.task_type, r.input, r.status, COALESCE(r.priority, 'normal'), r.session_id, r.title,
         r.description, r.type, COALESCE(r.skills, '{}'), r.owner_email, COALESCE(r.assigned_users, '{}'),
         COALESCE(r.followers, '{}'), r.idempotency_key, r.request_hash, COALESCE(r.trigger_type, 'api'), r.trigger_source,
         r.trigger_task_id, r.trigger_artifact_id, r.trigger_channel, COALESCE(r.trigger_depth, 0), r.error_code,
         r.error_message, r.completed_at
    FROM jsonb_populate_record(NULL::tasks, p_task) AS r
  ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'exists'::text, NULL::integer;
    RETURN;
  END IF;
  PERFORM append_task_events(p_task->>'id', p_task->>'tenant_id', p_task->>'agent', p_events, now(), NULL, NULL);
  IF p_task_queue IS NOT NULL THEN
    INSERT INTO task_starts (task_id, task_queue) VALUES (p_task->>'id', p_task_queue);
  END IF;
  RETURN QUERY SELECT 'created'::text, NULL::integer;
END
$$;
