import { z } from 'zod';

const name = z.string().min(1).max(200);
// Five to seven fields (Temporal's cron), or a shorthand such as @daily; the server checks the rest.
const cron = z
  .string()
  .trim()
  .max(200)
  .regex(/^(@\w+|\S+(\s+\S+){4,6})$/, 'Expected a cron expression of 5 to 7 fields (e.g. "0 9 * * MON-FRI") or a shorthand like @daily');
const timezone = z
  .string()
  .min(1)
  .max(100)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'Expected an IANA time zone such as Europe/Berlin or UTC');
const seconds = (max: number) => z.number().int().min(1).max(max);
const overlap = z.enum(['skip', 'buffer_one', 'allow_all']);

const timing = {
  cron: cron.optional(),
  interval_seconds: seconds(366 * 86_400).optional(),
  timezone: timezone.optional(),
  overlap: overlap.optional(),
  catchup_window_seconds: seconds(366 * 86_400).optional(),
  jitter_seconds: seconds(86_400).optional(),
};

/** POST /v1/schedules: what each run starts, and when (exactly one of cron and interval_seconds). */
export const createScheduleBody = z
  .strictObject({
    agent: name,
    task_type: name.optional(),
    input: z.record(z.string(), z.unknown()).default({}),
    title: z.string().max(500).optional(),
    paused: z.boolean().default(false),
    ...timing,
  })
  .superRefine((body, ctx) => {
    if ((body.cron === undefined) === (body.interval_seconds === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['cron'], message: 'Give exactly one of cron and interval_seconds' });
    }
  });
export type CreateScheduleBody = z.output<typeof createScheduleBody>;

/** PATCH /v1/schedules/:id: a cron replaces an interval and the other way round. */
export const updateScheduleBody = z
  .strictObject({
    input: z.record(z.string(), z.unknown()).optional(),
    title: z.string().max(500).nullable().optional(),
    paused: z.boolean().optional(),
    ...timing,
  })
  .superRefine((body, ctx) => {
    if (body.cron !== undefined && body.interval_seconds !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['cron'], message: 'Give cron or interval_seconds, not both' });
    }
    if (Object.values(body).every((value) => value === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'Give at least one field to change' });
    }
  });

export const scheduleResponse = z.object({
  schedule_id: z.string(),
  agent: z.string(),
  task_type: z.string(),
  input: z.record(z.string(), z.unknown()),
  title: z.string().nullable(),
  cron: z.string().nullable(),
  interval_seconds: z.number().nullable(),
  timezone: z.string(),
  overlap: overlap,
  catchup_window_seconds: z.number().nullable(),
  jitter_seconds: z.number().nullable(),
  paused: z.boolean(),
  next_runs: z.array(z.string()),
  recent_tasks: z.array(z.object({ task_id: z.string(), status: z.string(), created_at: z.string() })),
  links: z.object({ temporal_ui: z.string().nullable().meta({ description: 'The run in the Temporal Web UI: for admin keys, or for every key once the operator sets TEMPORAL_UI_URL; otherwise null' }) }),
  created_at: z.string(),
  updated_at: z.string(),
});
export type ScheduleResponse = z.infer<typeof scheduleResponse>;

export const listSchedulesResponse = z.object({ schedules: z.array(scheduleResponse) });
export type ListSchedulesResponse = z.infer<typeof listSchedulesResponse>;

export const deleteScheduleResponse = z.object({ deleted: z.literal(true), schedule_id: z.string() });
export type DeleteScheduleResponse = z.infer<typeof deleteScheduleResponse>;

export const scheduleIdParams = z.object({ id: z.string().meta({ description: 'A schedule ID (sch_…)' }) });
