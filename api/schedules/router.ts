import { type Client, type ScheduleHandle, ScheduleNotFoundError, ScheduleOverlapPolicy } from '@temporalio/client';
import type { Request, Response, Router } from 'express';
import type { AgentRegistry } from '../../agents/registry';
import type { Config } from '../../lib/config';
import type { Database, Prisma } from '../../lib/db/client';
import type { Schedule } from '../../lib/generated/prisma/client';
import { newId } from '../../lib/ids';
import { type ScheduleSpecInput, temporalScheduleOptions } from '../../lib/temporal/task-schedules';
import { principalOf } from '../middleware/auth';
import { linkConfigFor } from '../tasks/present';
import { HttpProblem, invalidRequest, notFound } from '../problem';
import { resolveTaskType } from '../tasks/task-type';
import { temporalUnavailable } from '../temporal-errors';
import { routerFrom } from '../route-table/register';
import { presentSchedule } from './present';
import { scheduleRoutes } from './routes';
import type { DeleteScheduleResponse, ListSchedulesResponse } from './schemas';

export interface SchedulesRouterDependencies {
  db: Database;
  temporal: Client;
  agents: AgentRegistry;
  config: Pick<Config, 'TASK_QUEUE' | 'TEMPORAL_NAMESPACE' | 'TEMPORAL_UI_URL' | 'temporalUiConfigured'>;
}

const RECENT_TASKS = 10;

/**
 * Temporal refused the spec (e.g. a cron field out of range): a 400 saying why, on the field that
 * holds it. The SDK turns the server's INVALID_ARGUMENT into a TypeError carrying its details.
 */
function refusedSpec(error: unknown, spec: ScheduleSpecInput): HttpProblem | undefined {
  if (!(error instanceof TypeError)) return undefined;
  const field = spec.cron !== undefined ? 'cron' : 'interval_seconds';
  return invalidRequest([{ field, in: 'body', message: `Temporal refused the schedule: ${error.message}` }]);
}

/** Recurring tasks on Temporal Schedules (one per schedule, of the same ID, on the Web UI's Schedules page). */
export function schedulesRouter({ db, temporal, agents, config }: SchedulesRouterDependencies): Router {
  async function loadSchedule(tenantId: string, scheduleId: string): Promise<Schedule> {
    const schedule = await db.schedule.findFirst({ where: { id: scheduleId, tenantId } });
    if (!schedule) throw notFound(`Schedule ${scheduleId}`);
    return schedule;
  }

  /** Calls Temporal about a schedule; an unreachable Temporal is a 503, a missing schedule a 404. */
  async function onTemporal<T>(scheduleId: string, action: string, call: (handle: ScheduleHandle) => Promise<T>): Promise<T> {
    try {
      return await call(temporal.schedule.getHandle(scheduleId));
    } catch (error) {
      if (error instanceof ScheduleNotFoundError) throw notFound(`Temporal schedule ${scheduleId}`);
      throw temporalUnavailable(error, `The schedule could not be ${action}`);
    }
  }

  async function present(req: Request, schedule: Schedule) {
    const [description, recent] = await Promise.all([
      onTemporal(schedule.id, 'read', (handle) => handle.describe()),
      db.task.findMany({
        where: { tenantId: schedule.tenantId, triggerType: 'schedule', triggerSource: schedule.id },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: RECENT_TASKS,
        select: { id: true, status: true, createdAt: true },
      }),
    ]);
    return presentSchedule(schedule, description, recent, linkConfigFor(config, principalOf(req)));
  }

  /** A command on the Temporal Schedule, answering the schedule as it is afterwards. */
  const command =
    (action: string, run: (handle: ScheduleHandle) => Promise<void>, status: number) =>
    async (req: Request, res: Response, { params }: { params: { id: string } }) => {
      const { tenantId } = principalOf(req);
      const schedule = await loadSchedule(tenantId, params.id);
      await onTemporal(schedule.id, action, run);
      res.status(status).json(await present(req, schedule));
    };

  return routerFrom(scheduleRoutes, {
    async createSchedule(req, res, { body }) {
      const { tenantId } = principalOf(req);
      const { agent, taskTypeName, input } = await resolveTaskType(agents, tenantId, body);
      const spec: ScheduleSpecInput = {
        cron: body.cron,
        interval_seconds: body.interval_seconds,
        timezone: body.timezone ?? 'UTC',
        overlap: body.overlap ?? 'skip',
        catchup_window_seconds: body.catchup_window_seconds,
        jitter_seconds: body.jitter_seconds,
      };
      // The row commits only if Temporal took the schedule; a spec Temporal refuses leaves nothing.
      const schedule = await db.$transaction(async (tx) => {
        const row = await tx.schedule.create({
          data: {
            id: newId('sch'),
            tenantId,
            agent: agent.slug,
            taskType: taskTypeName,
            input: input as Prisma.InputJsonObject,
            title: body.title,
            spec: spec as unknown as Prisma.InputJsonObject,
            taskQueue: config.TASK_QUEUE,
          },
        });
        try {
          await temporal.schedule.create(temporalScheduleOptions(row, spec, body.paused));
        } catch (error) {
          throw refusedSpec(error, spec) ?? temporalUnavailable(error, 'The schedule was not created');
        }
        return row;
      });
      res.status(201).location(`/v1/schedules/${schedule.id}`).json(await present(req, schedule));
    },
    async listSchedules(req, res) {
      const { tenantId } = principalOf(req);
      const schedules = await db.schedule.findMany({ where: { tenantId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      res.json({ schedules: await Promise.all(schedules.map((schedule) => present(req, schedule))) } satisfies ListSchedulesResponse);
    },
    async getSchedule(req, res, { params }) {
      const { tenantId } = principalOf(req);
      res.json(await present(req, await loadSchedule(tenantId, params.id)));
    },
    async updateSchedule(req, res, { params, body }) {
      const { tenantId } = principalOf(req);
      const current = await loadSchedule(tenantId, params.id);
      const input = body.input === undefined ? current.input : (await resolveTaskType(agents, current.tenantId, { agent: current.agent, task_type: current.taskType, input: body.input })).input;
      const before = current.spec as unknown as ScheduleSpecInput;
      const timingGiven = body.cron !== undefined || body.interval_seconds !== undefined;
      const spec: ScheduleSpecInput = {
        cron: timingGiven ? body.cron : before.cron,
        interval_seconds: timingGiven ? body.interval_seconds : before.interval_seconds,
        timezone: body.timezone ?? before.timezone,
        overlap: body.overlap ?? before.overlap,
        catchup_window_seconds: body.catchup_window_seconds ?? before.catchup_window_seconds,
        jitter_seconds: body.jitter_seconds ?? before.jitter_seconds,
      };
      const updated = await db.$transaction(async (tx) => {
        const row = await tx.schedule.update({
          where: { id: current.id },
          data: { input: input as Prisma.InputJsonObject, title: body.title, spec: spec as unknown as Prisma.InputJsonObject },
        });
        try {
          await temporal.schedule.getHandle(row.id).update((previous) => {
            const { scheduleId: _id, memo: _memo, ...options } = temporalScheduleOptions(row, spec, body.paused ?? previous.state.paused);
            return { ...options, state: { ...previous.state, paused: body.paused ?? previous.state.paused } };
          });
        } catch (error) {
          if (error instanceof ScheduleNotFoundError) throw notFound(`Temporal schedule ${row.id}`);
          throw refusedSpec(error, spec) ?? temporalUnavailable(error, 'The schedule was not changed');
        }
        return row;
      });
      res.json(await present(req, updated));
    },
    async deleteSchedule(req, res, { params }) {
      const { tenantId } = principalOf(req);
      const schedule = await loadSchedule(tenantId, params.id);
      try {
        await temporal.schedule.getHandle(schedule.id).delete();
      } catch (error) {
        // Already gone from Temporal: removing the row finishes the deletion.
        if (!(error instanceof ScheduleNotFoundError)) throw temporalUnavailable(error, 'The schedule was not deleted');
      }
      // Its past tasks stay (they name it as their trigger).
      await db.schedule.deleteMany({ where: { id: schedule.id, tenantId } });
      res.json({ deleted: true, schedule_id: schedule.id } satisfies DeleteScheduleResponse);
    },
    pauseSchedule: command('paused', (handle) => handle.pause('Paused through the Taskwright API'), 200),
    unpauseSchedule: command('unpaused', (handle) => handle.unpause('Unpaused through the Taskwright API'), 200),
    // "Run one now" runs even while a run is going on, whatever the overlap policy.
    triggerSchedule: command('triggered', (handle) => handle.trigger(ScheduleOverlapPolicy.ALLOW_ALL), 202),
  });
}
