import { defineRoutes } from '../route-table/declare';
import { eventPage, eventStreamText, listEventsQuery, streamEventsFilters } from './schemas';

const tag = 'Events';
const stream = {
  description: 'The stream: first the events after `Last-Event-ID` (header, or `last_event_id`), then live ones; `: keep-alive` comments',
  schema: eventStreamText,
  contentType: 'text/event-stream',
};

export const eventRoutes = defineRoutes({
  listEvents: {
    method: 'get',
    path: '/v1/events',
    auth: 'key',
    tag,
    summary: "The tenant's event log, in seq order",
    description: '`after` and `before` are ISO 8601 timestamps (exclusive).',
    query: listEventsQuery,
    responses: { 200: { description: 'One page of events', schema: eventPage } },
    problems: [400, 401],
  },
  streamEvents: {
    method: 'get',
    path: '/v1/events/stream',
    auth: 'key',
    tag,
    summary: 'Server-Sent Events of the tenant’s event log',
    query: streamEventsFilters,
    responses: { 200: stream },
    problems: [400, 401],
  },
  streamEventsWithForm: {
    method: 'post',
    path: '/v1/events/stream',
    auth: 'key',
    tag,
    summary: 'The same stream, its filters in a form or JSON body',
    description: 'What the seed’s `curl -N … --data-urlencode "task_id=…"` sends; a filter in the body takes precedence over the same one in the query.',
    query: streamEventsFilters,
    body: { schema: streamEventsFilters, contentTypes: ['application/x-www-form-urlencoded', 'application/json'] },
    responses: { 200: stream },
    problems: [400, 401, 413, 415],
    examples: [
      {
        summary: 'Events API (seed 002)',
        curl: 'curl -N $BASE/v1/events/stream -H "Authorization: Bearer $KEY" -H "Accept: text/event-stream" --data-urlencode "task_id=task_…"',
        body: { task_id: 'task_01j9x8k…' },
      },
    ],
  },
});
