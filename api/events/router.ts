import express, { type Request, type Response, type Router } from 'express';
import type { AgentRegistry } from '../../agents/registry';
import type { Config } from '../../lib/config';
import type { Database } from '../../lib/db/client';
import { sequenceEvents } from '../../lib/db/task-events';
import type { EventFeed } from '../../lib/events/feed';
import { presentEvent } from '../../lib/events/present';
import { readEvents } from '../../lib/events/read';
import { principalOf } from '../middleware/auth';
import { refuseDeepJson } from '../json-depth';
import { HttpProblem, invalidRequest } from '../problem';
import { routerFrom } from '../route-table/register';
import { eventRoutes } from './routes';
import { type StreamEventsFilters, lastEventIdHeader } from './schemas';
import { eventFilterWhere, streamEvents } from './stream';

export interface EventsRouterDependencies {
  db: Database;
  feed: EventFeed;
  agents: AgentRegistry;
  config: Pick<Config, 'SSE_KEEPALIVE_MS' | 'SSE_MAX_QUEUED_EVENTS' | 'SSE_MAX_STREAM_MS' | 'SSE_MAX_CONNECTIONS_PER_KEY'>;
}

const FORM_BODY_LIMIT = '16kb';
// What a client told it has too many streams open waits before trying again.
const STREAMS_RETRY_AFTER_SECONDS = 5;

/**
 * The tenant's event log: paged history and the live SSE stream. Mounted before the JSON-only
 * body rule: the seed's `curl -N … --data-urlencode "task_id=…"` POSTs its filters as a form.
 */
export function eventsRouter({ db, feed, agents, config }: EventsRouterDependencies): Router {
  const agentSlug = (agent: string | undefined) => agent && (agents.get(agent)?.slug ?? agent);
  /** Open streams of each API key in this process. */
  const openStreams = new Map<string, number>();

  const stream = async (req: Request, res: Response, filters: StreamEventsFilters) => {
    const { tenantId, keyId } = principalOf(req);
    // An EventSource reconnecting sends the header; it is newer than a query parameter.
    const header = req.get('last-event-id');
    let lastEventId = filters.last_event_id;
    if (header !== undefined && header !== '') {
      const fromHeader = lastEventIdHeader.safeParse(header);
      if (!fromHeader.success) throw invalidRequest([{ field: 'Last-Event-ID', in: 'header', message: fromHeader.error.issues[0]!.message }]);
      lastEventId = fromHeader.data;
    }
    // A HEAD request learns the headers; it must not hold a stream open.
    if (req.method === 'HEAD') return void res.status(200).type('text/event-stream').end();
    const open = openStreams.get(keyId) ?? 0;
    if (open >= config.SSE_MAX_CONNECTIONS_PER_KEY) {
      throw new HttpProblem(429, 'too_many_streams', `This API key has ${open} event streams open, its limit; close one first.`, { limit: config.SSE_MAX_CONNECTIONS_PER_KEY }, {
        'Retry-After': String(STREAMS_RETRY_AFTER_SECONDS),
      });
    }
    openStreams.set(keyId, open + 1);
    res.once('close', () => {
      const left = (openStreams.get(keyId) ?? 1) - 1;
      if (left > 0) openStreams.set(keyId, left);
      else openStreams.delete(keyId);
    });
    await streamEvents(req, res, {
      db,
      feed,
      filter: { tenantId, taskId: filters.task_id, agent: agentSlug(filters.agent), types: filters.types },
      lastEventId,
      keepAliveMs: config.SSE_KEEPALIVE_MS,
      maxQueuedEvents: config.SSE_MAX_QUEUED_EVENTS,
      maxStreamMs: config.SSE_MAX_STREAM_MS,
    });
  };

  return routerFrom(
    eventRoutes,
    {
      async listEvents(req, res, { query }) {
        const { tenantId } = principalOf(req);
        const afterSeq = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
        // Whatever committed before this request is listed, even if no feed has sequenced it yet.
        await sequenceEvents(db);
        const events = await readEvents(db, {
          after: afterSeq,
          where: {
            ...eventFilterWhere({ tenantId, taskId: query.task_id, agent: agentSlug(query.agent), types: query.type && [query.type] }),
            createdAt: { gt: query.after, lt: query.before },
          },
          take: query.limit + 1,
        });
        const page = events.slice(0, query.limit);
        const last = page.at(-1);
        res.json({ events: page.map(presentEvent), next_cursor: events.length > query.limit && last ? encodeCursor(last.seq) : null });
      },
      streamEvents: (req, res, { query }) => stream(req, res, query),
      // Filters in the body take precedence over the same ones in the query string.
      streamEventsWithForm: (req, res, { query, body }) => stream(req, res, { ...query, ...body }),
    },
    { before: { streamEventsWithForm: [express.urlencoded({ extended: false, limit: FORM_BODY_LIMIT }), express.json({ limit: FORM_BODY_LIMIT, verify: refuseDeepJson })] } },
  );
}

function encodeCursor(seq: bigint): string {
  return Buffer.from(`seq:${seq}`).toString('base64url');
}

function decodeCursor(cursor: string): bigint {
  const match = /^seq:(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw invalidRequest([{ field: 'cursor', in: 'query', message: 'Not a cursor this API returned' }]);
  return BigInt(match[1]!);
}
