import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The metrics this process observes as things happen (HTTP requests, SSE clients, activities,
 * task starts), in one registry per process: an API, a worker, or the embedded process running
 * both. Figures read from the database (tasks by status, approvals waiting, deliveries) are
 * collected on each scrape instead (api/metrics/database-metrics.ts).
 */
export const processMetrics = new Registry();
collectDefaultMetrics({ register: processMetrics, prefix: 'taskwright_process_' });

export const httpRequestDuration = new Histogram({
  name: 'taskwright_http_request_duration_seconds',
  help: 'HTTP request latency by route template, method and status code.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [processMetrics],
});

export const sseClients = new Gauge({
  name: 'taskwright_sse_clients',
  help: 'Event streams (GET /v1/events/stream) open on this API process.',
  registers: [processMetrics],
});

export const activityDuration = new Histogram({
  name: 'taskwright_activity_duration_seconds',
  help: 'Activity attempt duration by activity type and outcome (completed, failed, cancelled).',
  labelNames: ['activity', 'outcome'] as const,
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800],
  registers: [processMetrics],
});

export const activityFailures = new Counter({
  name: 'taskwright_activity_failures_total',
  help: 'Activity attempts that failed (Temporal retries the retryable ones), by activity type.',
  labelNames: ['activity'] as const,
  registers: [processMetrics],
});

export const taskStartLatency = new Histogram({
  name: 'taskwright_task_start_latency_seconds',
  help: 'From a task being created to its first execution starting on a worker.',
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600],
  registers: [processMetrics],
});
