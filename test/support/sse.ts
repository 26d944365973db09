/** One server-sent message: an event (id, event, data) or a comment line. */
export interface SseMessage {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
}

/** A minimal text/event-stream reader over fetch, for tests. */
export class SseClient {
  private buffer = '';
  private readonly decoder = new TextDecoder();
  private ended = false;

  private constructor(
    readonly response: Response,
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    private readonly controller: AbortController,
  ) {}

  static async open(url: string, init: RequestInit = {}): Promise<SseClient> {
    const controller = new AbortController();
    const response = await fetch(url, { ...init, signal: controller.signal });
    if (!response.body) throw new Error(`No body: ${response.status}`);
    return new SseClient(response, response.body.getReader(), controller);
  }

  /** The next message, or null once the server ended the stream. */
  async next(): Promise<SseMessage | null> {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        return parseBlock(block);
      }
      if (this.ended) return null;
      const { value, done } = await this.reader.read();
      if (done) this.ended = true;
      else this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  /** Reads events (comments skipped) until `stop` holds for one; returns them all, that one last. */
  async eventsUntil(stop: (message: SseMessage) => boolean): Promise<SseMessage[]> {
    const events: SseMessage[] = [];
    for (;;) {
      const message = await this.next();
      if (message === null) throw new Error(`The stream ended after ${events.length} events`);
      if (message.comment !== undefined) continue;
      events.push(message);
      if (stop(message)) return events;
    }
  }

  close(): void {
    this.controller.abort();
  }
}

function parseBlock(block: string): SseMessage {
  const message: SseMessage = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) message.comment = line.slice(1).trim();
    const match = /^(id|event|data): ?(.*)$/.exec(line);
    if (match) message[match[1] as 'id' | 'event' | 'data'] = match[2];
  }
  return message;
}
