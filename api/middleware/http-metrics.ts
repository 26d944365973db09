import type { RequestHandler } from 'express';
import { httpRequestDuration } from '../../lib/metrics/process-metrics';

/**
 * Observes each request's latency under its route template (`/v1/tasks/:id`), never its raw path:
 * IDs in label values would make a series per task. Unmatched paths share one label.
 */
export const observeHttpLatency: RequestHandler = (req, res, next) => {
  const end = httpRequestDuration.startTimer();
  res.on('finish', () => {
    const route = req.route ? `${req.baseUrl}${String((req.route as { path: string }).path)}` : 'unmatched';
    end({ method: req.method, route, status: String(res.statusCode) });
  });
  next();
};
