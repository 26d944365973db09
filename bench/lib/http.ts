import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface ApiResponse {
  status: number;
  body: string;
  /** Milliseconds from the call to the last byte of the answer. */
  ms: number;
}

/**
 * A small HTTP client on node:http for one Taskwright API: keep-alive sockets, the bench's API
 * key on every request, no retries. A network error or timeout answers status 0.
 */
export class Api {
  private readonly agent: http.Agent;

  constructor(
    readonly baseUrl: string,
    readonly apiKey: string,
    options: { maxSockets?: number } = {},
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 });
  }

  request(method: string, path: string, options: { json?: unknown; timeoutMs?: number } = {}): Promise<ApiResponse> {
    const begun = performance.now();
    const payload = options.json === undefined ? undefined : JSON.stringify(options.json);
    const url = new URL(path, this.baseUrl);
    return new Promise((resolve) => {
      let settled = false;
      const settle = (status: number, body: string) => {
        if (settled) return;
        settled = true;
        resolve({ status, body, ms: performance.now() - begun });
      };
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method,
          agent: this.agent,
          headers: {
            authorization: `Bearer ${this.apiKey}`,
            ...(payload !== undefined && { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => settle(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')));
          res.on('error', (error) => settle(0, error.message));
        },
      );
      req.on('error', (error) => settle(0, error.message));
      if (options.timeoutMs !== undefined) {
        req.setTimeout(options.timeoutMs, () => {
          settle(0, `no answer within ${options.timeoutMs} ms`);
          req.destroy();
        });
      }
      req.end(payload);
    });
  }

  /** A request that must answer `expected`; returns the parsed body. */
  async json<T>(method: string, path: string, expected: number, json?: unknown): Promise<T> {
    const response = await this.request(method, path, { json, timeoutMs: 30_000 });
    if (response.status !== expected) throw new Error(`${method} ${path} answered ${response.status}, expected ${expected}: ${response.body.slice(0, 300)}`);
    return (response.body === '' ? undefined : JSON.parse(response.body)) as T;
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs `job` `total` times on `concurrency` clients, each starting its next job when one ends. */
export async function runClients(total: number, concurrency: number, job: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      while (next < total) await job(next++);
    }),
  );
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `done` every `intervalMs` until it holds; false once `deadline` (performance.now()) passed. */
export async function waitFor(done: () => boolean, deadline: number, intervalMs = 20): Promise<boolean> {
  while (!done()) {
    if (performance.now() > deadline) return false;
    await sleep(intervalMs);
  }
  return true;
}
