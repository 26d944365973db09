import { z } from 'zod';
import { defineRoutes } from '../route-table/declare';

export const metricsRoutes = defineRoutes({
  metrics: {
    method: 'get',
    path: '/metrics',
    auth: 'none',
    tag: 'Operations',
    summary: "This process's Prometheus metrics",
    description:
      'Prometheus text exposition: tasks by status and agent, create-to-started latency, activity durations and failures, approvals waiting, webhook deliveries by outcome, SSE clients, event-feed lag and HTTP latency by route. Open to loopback clients; any other scraper sends `Authorization: Bearer <METRICS_TOKEN>` (no token configured: loopback only).',
    responses: { 200: { description: 'The metrics', schema: z.string(), contentType: 'text/plain; version=0.0.4; charset=utf-8' } },
    problems: [401, 403],
  },
});
