import type { Client } from '@temporalio/client';
import type { Router } from 'express';
import type { Database } from '../../lib/db/client';
import { routerFrom } from '../route-table/register';
import { healthRoutes } from './routes';

const CHECK_TIMEOUT_MS = 2_000;

/** /healthz: the process answers. /readyz: its database and Temporal answer too. */
export function healthRouter({ db, temporal }: { db: Database; temporal: Client }): Router {
  return routerFrom(healthRoutes, {
    liveness(_req, res) {
      res.json({ status: 'ok' });
    },
    async readiness(_req, res) {
      const [database, temporalServer] = await Promise.all([
        check(() => db.$queryRaw`SELECT 1`),
        check(() => temporal.connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () => temporal.workflowService.getSystemInfo({}))),
      ]);
      const ready = database.ok && temporalServer.ok;
      res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', checks: { database, temporal: temporalServer } });
    },
  });
}

async function check(probe: () => Promise<unknown>): Promise<{ ok: boolean; error?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), timeout]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
