import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { AgentRegistry } from '../../agents/registry';
import type { Config } from '../config';
import type { Database } from '../db/client';
import type { Task } from '../generated/prisma/client';
import type { Logger } from '../logger';
import { SerialRunner } from '../serial-runner';
import { startTaskWorkflow } from './start-task-workflow';

export interface TaskStarterOptions {
  db: Database;
  temporal: Client;
  agents: AgentRegistry;
  config: Pick<Config, 'TASK_QUEUE' | 'TENANT_MAX_RUNNING_TASKS'>;
  logger: Logger;
  /** A round also runs this often: it takes over claims of a starter that died, and retries. */
  sweepIntervalMs: number;
}

const STARTS_PER_ROUND = 64;
// Long enough for one round of starts; a starter that dies holding claims delays them this much.
const CLAIM_SECONDS = 30;
const MAX_RETRY_SECONDS = 60;

/**
 * Starts the workflows of created tasks, from the `task_starts` outbox their create transaction
 * wrote. Creating a task is therefore one database transaction: it answers without waiting for
 * Temporal, survives a process dying before the start, and works while Temporal is briefly down
 * (the task waits `queued`). Any number of starters may run: each claims rows with a lease, a
 * start is idempotent (a workflow ID runs once), and a row goes only once its start succeeded.
 * Woken in-process right after a create commits, and by a periodic sweep. A starter claims only
 * the starts of its own task queue (`TASK_QUEUE`), which the creating process recorded.
 */
export class TaskStarter {
  private readonly rounds: SerialRunner;
  private sweepTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: TaskStarterOptions) {
    this.rounds = new SerialRunner(
      () => this.startClaimed(),
      (error) => options.logger.warn({ err: error }, 'task starter: round failed; the next wake-up retries'),
    );
  }

  start(): void {
    this.sweepTimer = setInterval(() => this.rounds.request(), this.options.sweepIntervalMs);
    this.sweepTimer.unref();
    this.rounds.request();
  }

  async stop(): Promise<void> {
    clearInterval(this.sweepTimer);
    await this.rounds.stop();
  }

  /** A task was created: start it soon. */
  wake(): void {
    this.rounds.request();
  }

  /**
   * Starts this task's workflow now if its start is still pending, whoever holds the claim: a
   * command sent right after the create must find the workflow.
   */
  async ensureStarted(taskId: string): Promise<void> {
    const pending = await this.options.db.taskStart.findUnique({ where: { taskId }, include: { task: { include: { tenant: true } } } });
    if (!pending) return;
    await this.startOne(pending.task, pending.task.tenant, pending.taskQueue);
    await this.options.db.taskStart.deleteMany({ where: { taskId } });
  }

  private async startClaimed(): Promise<void> {
    const { db, logger } = this.options;
    for (;;) {
      // Each tenant gets at most TENANT_MAX_RUNNING_TASKS started and unfinished-at-work tasks
      // (queued or running; those waiting for a person do not count); beyond it its tasks wait
      // `queued` here. Tenants take turns: every tenant's oldest waiting start comes before any
      // tenant's second, so one tenant's thousand tasks do not hold back another's one.
      const claimed = await db.$queryRaw<{ task_id: string }[]>`
        WITH active AS (
          SELECT t.tenant_id, count(*) AS n FROM tasks t
           WHERE t.status IN ('queued', 'running') AND NOT EXISTS (SELECT 1 FROM task_starts s WHERE s.task_id = t.id)
           GROUP BY t.tenant_id
        ), waiting AS (
          SELECT s.task_id, s.created_at, t.tenant_id, row_number() OVER (PARTITION BY t.tenant_id ORDER BY s.created_at) AS turn
            FROM task_starts s JOIN tasks t ON t.id = s.task_id
           WHERE s.task_queue = ${this.options.config.TASK_QUEUE} AND (s.claimed_until IS NULL OR s.claimed_until < now())
        )
        UPDATE task_starts SET claimed_until = now() + make_interval(secs => ${CLAIM_SECONDS}), attempts = attempts + 1
        WHERE (claimed_until IS NULL OR claimed_until < now()) AND task_id IN (
          SELECT w.task_id FROM waiting w LEFT JOIN active a ON a.tenant_id = w.tenant_id
           WHERE w.turn <= ${this.options.config.TENANT_MAX_RUNNING_TASKS} - COALESCE(a.n, 0)
           ORDER BY w.turn, w.created_at LIMIT ${STARTS_PER_ROUND})
        RETURNING task_id`;
      if (claimed.length === 0) return;
      const tasks = await db.task.findMany({ where: { id: { in: claimed.map((row) => row.task_id) } }, include: { tenant: { select: { draftExpiryDays: true } } } });
      const outcomes = await Promise.allSettled(tasks.map((task) => this.startOne(task, task.tenant, this.options.config.TASK_QUEUE)));
      const started = tasks.filter((_, index) => outcomes[index]!.status === 'fulfilled').map((task) => task.id);
      if (started.length > 0) await db.taskStart.deleteMany({ where: { taskId: { in: started } } });
      for (const [index, outcome] of outcomes.entries()) {
        if (outcome.status === 'fulfilled') continue;
        const taskId = tasks[index]!.id;
        const reason = outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason);
        logger.warn({ task_id: taskId, err: outcome.reason }, 'task starter: could not start the workflow; retrying');
        // Retried after 2, 4, 8 ... seconds (by the attempts so far), at most a minute.
        await db.$executeRaw`
          UPDATE task_starts SET last_error = ${reason},
            claimed_until = now() + make_interval(secs => LEAST(${MAX_RETRY_SECONDS}, power(2, attempts)))
          WHERE task_id = ${taskId}`;
      }
      if (claimed.length < STARTS_PER_ROUND) return;
    }
  }

  private async startOne(task: Task, tenant: { draftExpiryDays: number }, taskQueue: string): Promise<void> {
    try {
      await startTaskWorkflow({ ...this.options, config: { TASK_QUEUE: taskQueue } }, task, tenant);
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
}
