import http, { type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as sent (what a receiver verifies the signature over). */
  body: string;
  status: number;
}

/**
 * A real HTTP receiver on loopback. `respond` picks each answer's status from the request
 * and the number of earlier requests for the same event.
 */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  private server: Server | undefined;

  private constructor(
    public port: number,
    private readonly respond: (request: { eventId: string; priorAttempts: number }) => number,
  ) {}

  static async start(respond: (request: { eventId: string; priorAttempts: number }) => number = () => 200): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver(0, respond);
    await receiver.listen();
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/taskwright`;
  }

  /** Listens (again) on its port; the first call picks a free one. */
  async listen(): Promise<void> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const eventId = String(req.headers['x-ariftly-event-id']);
        const priorAttempts = this.received.filter((delivery) => delivery.headers['x-ariftly-event-id'] === eventId).length;
        const status = this.respond({ eventId, priorAttempts });
        this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening: connections are refused until `listen` again. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  /** Deliveries answered 2xx, one per event ID. */
  accepted(): Map<string, ReceivedDelivery> {
    const byEvent = new Map<string, ReceivedDelivery>();
    for (const delivery of this.received) {
      if (delivery.status >= 200 && delivery.status < 300) byEvent.set(String(delivery.headers['x-ariftly-event-id']), delivery);
    }
    return byEvent;
  }
}
