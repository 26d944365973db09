import { defineRoutes } from '../route-table/declare';
import { createScheduleBody, deleteScheduleResponse, listSchedulesResponse, scheduleIdParams, scheduleResponse, updateScheduleBody } from './schemas';

const tag = 'Schedules';
const schedule = { description: 'The schedule, with its next runs and recent tasks', schema: scheduleResponse };
// Each answer describes the Temporal Schedule: without Temporal, a 503; without it there, a 404.
const command = (summary: string, status: 200 | 202, path: string) =>
  ({
    method: 'post',
    path: `/v1/schedules/:id/${path}`,
    auth: 'key',
    tag,
    summary,
    params: scheduleIdParams,
    responses: { [status]: schedule },
    problems: [401, 404, 503],
  }) as const;

export const scheduleRoutes = defineRoutes({
  createSchedule: {
    method: 'post',
    path: '/v1/schedules',
    auth: 'key',
    tag,
    summary: 'Create a recurring task',
    description:
      'A Temporal Schedule of the same ID starts one ordinary task per scheduled time (`trigger: {type: "schedule"}`). Exactly one of `cron` and `interval_seconds`; the input is validated against the agent\'s manifest; a cron or time zone Temporal refuses is a 400 naming the field.',
    body: { schema: createScheduleBody, required: true },
    responses: { 201: { ...schedule, description: 'The schedule', headers: { Location: 'The schedule\'s URL' } } },
    problems: [400, 401, 413, 415, 503],
    examples: [
      {
        summary: 'Weekday mornings in Berlin',
        curl: `curl -X POST $BASE/v1/schedules -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"agent": "echo", "input": {"message": "good morning"}, "cron": "0 9 * * MON-FRI", "timezone": "Europe/Berlin"}'`,
        body: { agent: 'echo', input: { message: 'good morning' }, cron: '0 9 * * MON-FRI', timezone: 'Europe/Berlin' },
      },
    ],
  },
  listSchedules: {
    method: 'get',
    path: '/v1/schedules',
    auth: 'key',
    tag,
    summary: "The tenant's schedules, oldest first",
    responses: { 200: { description: 'Every schedule', schema: listSchedulesResponse } },
    problems: [401, 404, 503],
  },
  getSchedule: {
    method: 'get',
    path: '/v1/schedules/:id',
    auth: 'key',
    tag,
    summary: 'Read a schedule',
    params: scheduleIdParams,
    responses: { 200: schedule },
    problems: [401, 404, 503],
  },
  updateSchedule: {
    method: 'patch',
    path: '/v1/schedules/:id',
    auth: 'key',
    tag,
    summary: 'Change a schedule',
    description: 'Any of the create fields but the agent and task type; a `cron` replaces an `interval_seconds` and the other way round.',
    params: scheduleIdParams,
    body: { schema: updateScheduleBody, required: true },
    responses: { 200: schedule },
    problems: [400, 401, 404, 413, 415, 503],
    examples: [
      {
        summary: 'Pause it and run hourly',
        curl: `curl -X PATCH $BASE/v1/schedules/sch_… -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"interval_seconds": 3600, "paused": true}'`,
        body: { interval_seconds: 3600, paused: true },
      },
    ],
  },
  deleteSchedule: {
    method: 'delete',
    path: '/v1/schedules/:id',
    auth: 'key',
    tag,
    summary: 'Delete a schedule; the tasks it started stay',
    params: scheduleIdParams,
    responses: { 200: { description: 'Deleted', schema: deleteScheduleResponse } },
    problems: [401, 404, 503],
  },
  pauseSchedule: command('Pause a schedule', 200, 'pause'),
  unpauseSchedule: command('Resume a paused schedule', 200, 'unpause'),
  triggerSchedule: command('Start one run now, paused or not, whatever the overlap policy', 202, 'trigger'),
});
