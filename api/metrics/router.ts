import type { Router } from 'express';
import { Registry } from 'prom-client';
import { processMetrics } from '../../lib/metrics/process-metrics';
import { routerFrom } from '../route-table/register';
import { assertMayScrape } from './access';
import { metricsRoutes } from './routes';

/**
 * GET /metrics: Prometheus text exposition of this process's metrics and, on an API, the
 * figures read from the database (`extra`). Outside /v1 and API keys: see `assertMayScrape`.
 */
export function metricsRouter({ token, extra = [] }: { token: string | undefined; extra?: Registry[] }): Router {
  return routerFrom(metricsRoutes, {
    async metrics(req, res) {
      assertMayScrape(req.socket.remoteAddress, req.get('authorization'), token);
      const registry = Registry.merge([processMetrics, ...extra]);
      res.type(registry.contentType).send(await registry.metrics());
    },
  });
}
