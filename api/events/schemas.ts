import { z } from 'zod';
import { EVENT_TYPES } from '../../lib/events/types';
import type { EventType } from '../../workflows/model';

const eventType = z.enum(EVENT_TYPES, { error: `Expected one of ${EVENT_TYPES.join(', ')}` });
const timestamp = z.iso.datetime({ offset: true, error: 'Expected an ISO 8601 timestamp, e.g. 2026-04-23T10:00:00Z' }).transform((value) => new Date(value));
const id = z.string().min(1).max(200);
/** A seq as clients see it in `id:` lines: a non-negative integer. */
const seq = z
  .string()
  .regex(/^\d{1,18}$/, 'Expected an event seq (a non-negative integer, as sent in `id:` lines)')
  .transform((value) => BigInt(value));

/** GET /v1/events: the seed's filters plus keyset paging in seq order. */
export const listEventsQuery = z.object({
  task_id: id.optional(),
  agent: id.optional(),
  type: eventType.optional(),
  after: timestamp.optional(),
  before: timestamp.optional(),
  limit: z.coerce.number({ error: 'Expected an integer from 1 to 500' }).int().min(1).max(500).default(50),
  cursor: z.string().min(1).max(200).optional(),
});

/** GET (or POST, form or JSON body) /v1/events/stream. */
export const streamEventsFilters = z.object({
  task_id: id.optional(),
  agent: id.optional(),
  types: z
    .string()
    .transform((value, ctx) => {
      const types = value.split(',').map((type) => type.trim()).filter((type) => type !== '');
      const unknown = types.filter((type) => !(EVENT_TYPES as string[]).includes(type));
      if (types.length === 0 || unknown.length > 0) {
        const problem = types.length === 0 ? 'No event type listed' : `Unknown event type ${unknown.join(', ')}`;
        ctx.addIssue({ code: 'custom', message: `${problem}; expected a comma-separated list of ${EVENT_TYPES.join(', ')}` });
        return z.NEVER;
      }
      return types as EventType[];
    })
    .optional(),
  last_event_id: seq.optional(),
});

export const lastEventIdHeader = seq;

/** An event as clients see it: in listings, on the SSE stream (its `data:`) and in webhook bodies. */
export const eventBody = z
  .object({
    event_id: z.string(),
    seq: z.int(),
    type: z.string(),
    tenant_id: z.string(),
    task_id: z.string().nullable(),
    agent: z.string().nullable(),
    data: z.unknown().meta({ description: 'The event type’s payload' }),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'Event' });

export const eventPage = z.object({ events: z.array(eventBody), next_cursor: z.string().nullable() });

/** The stream itself: `id:` the seq, `event:` the type, `data:` an Event; `: keep-alive` comments. */
/**
 * One Server-Sent Event of the stream (OpenAPI 3.1 describes an event stream by its events, as
 * their fields: `id:` the seq, `event:` the type, `data:` an Event as JSON). Comments (`: …`) are
 * not events.
 */
export const eventStreamText = z
  .object({
    id: z.string().optional().meta({ description: "The event's seq (what Last-Event-ID resumes from)" }),
    event: z.string().meta({ description: "The event's type, e.g. task.completed" }),
    data: z.string().meta({ description: 'The Event, as JSON' }),
    retry: z.number().int().optional(),
  })
  .meta({ description: 'One Server-Sent Event: `id:` the seq, `event:` the type, `data:` an Event as JSON' });
export type StreamEventsFilters = z.output<typeof streamEventsFilters>;
