import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../../lib/logger';

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Gives every request an ID (the client's X-Request-Id when sane), echoed and logged. */
export function requestContext(logger: Logger): RequestHandler {
  // Named: the route-table test tells pass-through middleware from routes by name.
  const identifyRequest: RequestHandler = (req, res, next) => {
    const given = req.get('x-request-id');
    req.id = given && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
    req.log = logger.child({ request_id: req.id });
    res.set('X-Request-Id', req.id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      req.log.info(
        {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          duration_ms: Number(process.hrtime.bigint() - started) / 1e6,
          tenant_id: req.principal?.tenantId,
        },
        'request',
      );
    });
    next();
  };
  return identifyRequest;
}
