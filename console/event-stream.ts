import type { operations } from '../client/schema.js';
import { type Schemas, announceKeyRefused } from './api.js';

type EventTypeName = NonNullable<operations['createWebhook']['requestBody']>['content']['application/json']['events'][number];

// Every event type (webhooks subscribe to them), checked against the API's list by the typed
// client: a name it does not know fails to compile.
export const EVENT_TYPES = [
  'task.created',
  'task.progress',
  'task.status_changed',
  'task.updated',
  'task.complete',
  'task.failed',
  'task.cancelled',
  'artifact.emitted',
  'approval.requested',
  'approval.resolved',
  'session.message',
  'session.closed',
  'tool_call.executed',
] as const satisfies readonly EventTypeName[];

export type StreamState = 'connecting' | 'live' | 'reconnecting';

export interface EventStreamOptions {
  apiKey: string;
  /** The stream's filters: `types` (comma list), `task_id`, `agent`. */
  filters: Record<string, string>;
  onEvent(event: Schemas['Event']): void;
  onState?(state: StreamState): void;
}

const RETRY_MS = [500, 1_000, 2_000, 5_000, 10_000];

/**
 * Follows `GET /v1/events/stream`. EventSource cannot send an Authorization header, so this reads
 * the stream with fetch and parses its frames. When the connection drops (the server ends long
 * streams, a proxy times out, the network blips) it reconnects with `Last-Event-ID`: the server
 * replays what was missed, with no gap and no duplicate. Returns a function that stops it.
 */
export function followEvents(options: EventStreamOptions): () => void {
  const stopped = new AbortController();
  let lastEventId: string | null = null;

  const connect = async () => {
    const headers: Record<string, string> = { Authorization: `Bearer ${options.apiKey}`, Accept: 'text/event-stream' };
    if (lastEventId !== null) headers['Last-Event-ID'] = lastEventId;
    const response = await fetch(`/v1/events/stream?${new URLSearchParams(options.filters)}`, { headers, signal: stopped.signal, cache: 'no-store' });
    if (response.status === 401) {
      // Revoked meanwhile: retrying cannot help, and the shell signs the person out.
      stopped.abort();
      announceKeyRefused();
      return;
    }
    if (!response.ok || !response.body) throw new Error(`The event stream answered ${response.status}`);
    options.onState?.('live');
    await readFrames(
      response.body,
      (frame) => {
        if (frame.id !== undefined) lastEventId = frame.id;
        if (frame.data !== undefined) options.onEvent(JSON.parse(frame.data) as Schemas['Event']);
      },
      (comment) => {
        // A stream the server ends says where to resume, also when none of its events matched.
        const resumeAt = /reconnect with Last-Event-ID: (\d+)/.exec(comment)?.[1];
        if (resumeAt !== undefined) lastEventId = resumeAt;
      },
    );
  };

  void (async () => {
    let failures = 0;
    options.onState?.('connecting');
    while (!stopped.signal.aborted) {
      try {
        await connect();
        failures = 0;
      } catch {
        if (stopped.signal.aborted) return;
        failures++;
      }
      if (stopped.signal.aborted) return;
      options.onState?.('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]));
    }
  })();
  return () => stopped.abort();
}

/** The fields of a frame the console reads (`event:` repeats the type the data carries). */
interface Frame {
  id?: string;
  data?: string;
}

/** Reads Server-Sent Event frames: `field: value` lines, a blank line ends a frame, `:` lines are comments. */
async function readFrames(body: ReadableStream<Uint8Array>, onFrame: (frame: Frame) => void, onComment: (text: string) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  let frame: Frame = {};
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffered += decoder.decode(value, { stream: true });
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const rawLine of lines) {
      const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
      if (line === '') {
        if (frame.data !== undefined || frame.id !== undefined) onFrame(frame);
        frame = {};
        continue;
      }
      if (line.startsWith(':')) {
        onComment(line.slice(1).trim());
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const text = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') frame.id = text;
      else if (field === 'data') frame.data = frame.data === undefined ? text : `${frame.data}\n${text}`;
    }
  }
}

export interface LiveRefreshOptions {
  apiKey: string;
  filters: Record<string, string>;
  /** Reads the page's data again; called once, `delayMs` after the last of a burst of events. */
  refresh(): void;
  delayMs: number;
  showStreamState(state: StreamState): void;
  /** Anything else an event means for the page (an announcement, say). */
  onEvent?(event: Schemas['Event']): void;
}

/**
 * Keeps a page current: follows the stream and reads the page again after each burst of events,
 * and whenever the stream is live again (whatever happened while it was down is read then).
 * Returns the page's cleanup.
 */
export function refreshOnEvents(options: LiveRefreshOptions): () => void {
  let scheduled: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = () => {
    clearTimeout(scheduled);
    scheduled = setTimeout(options.refresh, options.delayMs);
  };
  const stop = followEvents({
    apiKey: options.apiKey,
    filters: options.filters,
    onEvent: (event) => {
      refreshSoon();
      options.onEvent?.(event);
    },
    onState: (state) => {
      options.showStreamState(state);
      if (state === 'live') refreshSoon();
    },
  });
  return () => {
    clearTimeout(scheduled);
    stop();
  };
}
