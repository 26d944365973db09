-- AlterTable
-- Writers insert events unsequenced (seq NULL); the sequencer below numbers committed ones from
-- the column's old sequence, "events_seq_seq", which is therefore kept.
ALTER TABLE "events" ALTER COLUMN "seq" DROP NOT NULL,
ALTER COLUMN "seq" DROP DEFAULT;

-- The sequencer, called by sequenceEvents (lib/db/task-events.ts, which says why readers never
-- skip an event): in one statement's transaction, so the lock is held for no client round trip.
CREATE FUNCTION "sequence_events"(notify_channel text, max_events integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  numbered integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM events WHERE seq IS NULL) THEN
    RETURN 0;
  END IF;
  -- One sequencer at a time, until commit.
  PERFORM pg_advisory_xact_lock(7314529001);
  -- Starts after the lock is held, so it sees every event committed by then. nextval runs after
  -- the ORDER BY and LIMIT (volatile output expressions are evaluated past the sort).
  WITH numbering AS (
    SELECT id, nextval('events_seq_seq') AS seq
      FROM (SELECT id, task_id, task_seq, created_at FROM events WHERE seq IS NULL FOR UPDATE SKIP LOCKED) pending
     ORDER BY max(created_at) OVER (PARTITION BY task_id ORDER BY task_seq), task_id, task_seq
     LIMIT max_events
  )
  UPDATE events SET seq = numbering.seq FROM numbering WHERE events.id = numbering.id;
  GET DIAGNOSTICS numbered = ROW_COUNT;
  IF numbered > 0 THEN
    PERFORM pg_notify(notify_channel, '');
  END IF;
  RETURN numbered;
END
$$;
