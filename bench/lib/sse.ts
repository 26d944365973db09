import http from 'node:http';

export interface SseEvent {
  id?: string;
  event?: string;
  data?: string;
}

export interface SseStream {
  /** Settles at the server's `: connected` comment: from then on every new event reaches this client. */
  connected: Promise<void>;
  close(): void;
}

/**
 * One text/event-stream client on its own socket, kept cheap for a thousand of them: no fetch,
 * no streams API, just `data` chunks split at blank lines. `onEvent` gets each event with the
 * Date.now() of the chunk that completed it. With `resume`, a stream the server ends is reopened
 * with Last-Event-ID (the server drops slow clients that way); otherwise the end is an error.
 */
export function openSse(
  baseUrl: string,
  path: string,
  apiKey: string,
  onEvent: (event: SseEvent, receivedAt: number) => void,
  options: { resume?: boolean; onError?: (error: Error) => void } = {},
): SseStream {
  const url = new URL(path, baseUrl);
  let lastEventId: string | undefined;
  let closed = false;
  let current: http.ClientRequest | undefined;
  let markConnected: () => void = () => {};
  let failConnect: (error: Error) => void = () => {};
  const connected = new Promise<void>((resolve, reject) => {
    markConnected = resolve;
    failConnect = reject;
  });
  connected.catch(() => {});
  let everConnected = false;

  const fail = (error: Error) => {
    if (closed) return;
    if (!everConnected) failConnect(error);
    else options.onError?.(error);
  };

  const open = () => {
    const req = http.get(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        agent: false,
        headers: { authorization: `Bearer ${apiKey}`, accept: 'text/event-stream', ...(lastEventId !== undefined && { 'last-event-id': lastEventId }) },
      },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return fail(new Error(`event stream answered ${res.statusCode}`));
        }
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          const receivedAt = Date.now();
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (block.startsWith(':')) {
              if (block.startsWith(': connected')) {
                everConnected = true;
                markConnected();
              }
              continue;
            }
            const event: SseEvent = {};
            for (const line of block.split('\n')) {
              const colon = line.indexOf(':');
              if (colon <= 0) continue;
              const field = line.slice(0, colon);
              const value = line.slice(colon + (line[colon + 1] === ' ' ? 2 : 1));
              if (field === 'id' || field === 'event' || field === 'data') event[field] = value;
            }
            if (event.id !== undefined) lastEventId = event.id;
            onEvent(event, receivedAt);
          }
        });
        res.on('end', () => {
          if (closed) return;
          if (options.resume && everConnected) open();
          else fail(new Error('the server ended the event stream'));
        });
        res.on('error', () => {});
      },
    );
    req.on('error', (error) => fail(error));
    current = req;
  };
  open();

  return {
    connected,
    close() {
      closed = true;
      current?.destroy();
    },
  };
}
