import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { type Api, runClients, waitFor } from '../lib/http';
import { ECHO_TASK } from './tasks';

export interface WebhookResult {
  subscriptions: number;
  tasks: number;
  expected: number;
  /** Distinct (event, subscription) pairs received. */
  delivered: number;
  /** Receipts beyond the first of an (event, subscription) pair. */
  duplicates: number;
  /** Distinct deliveries per second, first task create sent to the last one received. */
  perSecond: number;
}

/**
 * `subscriptions` webhooks on `task.created`, each to its own path of one loopback receiver that
 * answers 200 at once, then `tasks` tasks from `concurrency` clients. Waits for every delivery
 * (bounded), then a little longer to catch duplicates; the webhooks are deleted afterwards.
 */
export async function measureWebhooks(api: Api, options: { subscriptions: number; tasks: number; concurrency: number; timeoutMs: number }): Promise<WebhookResult> {
  const seen = new Set<string>();
  let receipts = 0;
  let lastNew = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      receipts++;
      const key = `${String(req.headers['x-ariftly-event-id'])} ${req.url}`;
      if (!seen.has(key)) {
        seen.add(key);
        lastNew = Date.now();
      }
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const webhookIds: string[] = [];
  try {
    for (let i = 0; i < options.subscriptions; i++) {
      const webhook = await api.json<{ webhook_id: string }>('POST', '/v1/webhooks', 201, {
        url: `http://127.0.0.1:${port}/hooks/${i}`,
        events: ['task.created'],
        secret: `bench-secret-${i}-0123456789`,
      });
      webhookIds.push(webhook.webhook_id);
    }
    const expected = options.subscriptions * options.tasks;
    const firstCreate = Date.now();
    await runClients(options.tasks, options.concurrency, async () => {
      await api.json('POST', '/v1/tasks', 202, ECHO_TASK);
    });
    await waitFor(() => seen.size >= expected, performance.now() + options.timeoutMs, 20);
    // Duplicates arriving after the last first delivery still count for one more second.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return {
      subscriptions: options.subscriptions,
      tasks: options.tasks,
      expected,
      delivered: seen.size,
      duplicates: receipts - seen.size,
      perSecond: seen.size / ((lastNew - firstCreate) / 1000),
    };
  } finally {
    for (const id of webhookIds) await api.request('DELETE', `/v1/webhooks/${id}`, { timeoutMs: 10_000 });
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
