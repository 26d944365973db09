import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * `dist/server.js` or `dist/worker.js` (what `npm run start:server` / `start:worker` and
 * docker-compose run) as a real process with `env`, its output appended to `<logDir>/<entry>.log`.
 */
export function spawnTaskwright(entry: 'server.js' | 'worker.js', env: NodeJS.ProcessEnv, logDir: string, logName: string = entry): ChildProcess {
  const out = fs.openSync(path.join(logDir, `${logName}.log`), 'a');
  const child = spawn(process.execPath, [path.join(__dirname, '..', '..', 'dist', entry)], { env: { ...process.env, ...env }, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  return child;
}

// Exactly the seed's receiver code (Events API, "Webhooks").
export function verifyWebhook(payload: string, signature: string, secret: string) {
  const expected = createHmac('sha256', secret).update(payload).digest('hex');
  return `sha256=${expected}` === signature;
}

/** A webhook receiver on loopback; `failEvery` > 0 answers 503 to every n-th request and delays the others. */
export class RecordingReceiver {
  readonly received: { eventId: string; body: string; signature: string; status: number }[] = [];
  readonly accepted = new Set<string>();
  private constructor(private readonly server: Server) {}

  static async start(options: { failEvery?: number } = {}): Promise<RecordingReceiver> {
    const server = http.createServer();
    const receiver = new RecordingReceiver(server);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const eventId = String(req.headers['x-ariftly-event-id']);
        const index = receiver.received.length;
        const fail = options.failEvery !== undefined && index % options.failEvery === 0;
        const delivery = { eventId, body: Buffer.concat(chunks).toString('utf8'), signature: String(req.headers['x-ariftly-signature']), status: fail ? 503 : 200 };
        receiver.received.push(delivery);
        if (fail) return void res.writeHead(503).end();
        setTimeout(() => {
          receiver.accepted.add(eventId);
          res.writeHead(200).end();
        }, options.failEvery ? 50 + (index % 5) * 100 : 0);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  get failed(): number {
    return this.received.filter((delivery) => delivery.status !== 200).length;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
