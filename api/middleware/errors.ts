import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { HttpProblem } from '../problem';

export function sendProblem(req: Request, res: Response, problem: HttpProblem): void {
  res
    .status(problem.status)
    .set(problem.headers)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        // First, so an extension can never replace one of RFC 9457's members.
        ...problem.extensions,
        type: 'about:blank',
        title: STATUS_CODES[problem.status] ?? 'Error',
        status: problem.status,
        code: problem.code,
        detail: problem.detail,
        instance: req.originalUrl,
        request_id: req.id,
      }),
    );
}

const hasBody = (req: Request) =>
  req.get('transfer-encoding') !== undefined || Number(req.get('content-length') ?? 0) > 0;

/** Bodies must be JSON; a body of another type is a 415, not a silently empty object. */
export const requireJsonBody: RequestHandler = (req, _res, next) => {
  if (hasBody(req) && !req.is(['application/json', 'application/*+json'])) {
    throw new HttpProblem(415, 'unsupported_media_type', `Send the body as application/json (got ${req.get('content-type') ?? 'no Content-Type'}).`);
  }
  next();
};

/** PostgreSQL text cannot hold NUL, so an ID or query value containing one is refused up front. */
export const refuseNulInUrl: RequestHandler = (req, _res, next) => {
  if (/%00/i.test(req.originalUrl)) {
    throw new HttpProblem(400, 'validation_failed', 'The URL contains a NUL character (%00).');
  }
  next();
};

/** For `router.route(path).all(...)`: the path exists, the method does not. */
export const methodNotAllowed: RequestHandler = (req) => {
  const route = req.route as { methods: Record<string, boolean> } | undefined;
  const allowed = Object.keys(route?.methods ?? {})
    .filter((method) => method !== '_all')
    .map((method) => method.toUpperCase());
  if (allowed.includes('GET')) allowed.push('HEAD');
  throw new HttpProblem(405, 'method_not_allowed', `${req.method} is not supported on ${req.path}; use ${allowed.join(', ')}.`, {}, { Allow: allowed.join(', ') });
};

export const routeNotFound: RequestHandler = (req) => {
  throw new HttpProblem(404, 'not_found', `No route for ${req.method} ${req.path}.`);
};

// body-parser reports its failures as errors carrying a `type`.
const BODY_ERRORS: Record<string, [number, string]> = {
  'entity.parse.failed': [400, 'malformed_json'],
  'entity.too.large': [413, 'payload_too_large'],
  'encoding.unsupported': [415, 'unsupported_media_type'],
  'charset.unsupported': [415, 'unsupported_media_type'],
  'request.aborted': [400, 'request_aborted'],
};

export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (res.headersSent) return next(error);
  if (error instanceof HttpProblem) return sendProblem(req, res, error);
  const bodyError = typeof error === 'object' && error !== null && 'type' in error ? BODY_ERRORS[String(error.type)] : undefined;
  if (bodyError) {
    const [status, code] = bodyError;
    return sendProblem(req, res, new HttpProblem(status, code, (error as Error).message));
  }
  // Express and body-parser mark other client errors (bad percent-encoding, a body that does
  // not decompress) with an http-errors 4xx `status`.
  const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : NaN;
  if (status >= 400 && status < 500) {
    return sendProblem(req, res, new HttpProblem(status, 'bad_request', (error as Error).message));
  }
  req.log.error({ err: error }, 'unhandled error');
  sendProblem(req, res, new HttpProblem(500, 'internal_error', 'The server failed to handle this request; see the logs for its request_id.'));
};
