import { type IRoute, type Request, type RequestHandler, type Response, Router } from 'express';
import type { z } from 'zod';
import { principalOf, requireAdmin } from '../middleware/auth';
import { methodNotAllowed } from '../middleware/errors';
import { HttpProblem, invalidRequest, zodProblems } from '../problem';
import { parseBody, parseQuery } from '../validation';
import type { RouteAuth, RouteDeclaration } from './declare';

type Parsed<S, Otherwise> = S extends z.ZodType ? z.output<S> : Otherwise;

/** What a handler receives: its route's path parameters, query and body, already validated. */
export interface RouteInput<Route extends RouteDeclaration> {
  params: Parsed<Route['params'], Record<string, string>>;
  query: Parsed<Route['query'], undefined>;
  body: Route['body'] extends { schema: infer Schema } ? Parsed<Schema, undefined> : undefined;
}

export type RouteHandler<Route extends RouteDeclaration> = (req: Request, res: Response, input: RouteInput<Route>) => unknown;

/** One handler per declared route, no more, no fewer. */
export type RouteHandlers<Routes extends Record<string, RouteDeclaration>> = { [Name in keyof Routes]: RouteHandler<Routes[Name]> };

export interface RouterOptions<Routes> {
  /** Middleware a route runs before its input is validated, e.g. the parser of a form body. */
  before?: Partial<Record<keyof Routes, RequestHandler[]>>;
  /**
   * Checks the bearer token of the `callback` routes (it needs the resource's database), after
   * their `before` middleware and before their input is validated; required when there are any.
   */
  authenticateCallback?: RequestHandler;
}

/**
 * The Express router of a resource's route table: each route checks its auth level, validates
 * its path parameters, query and body against the declared schemas (a 400 naming each field),
 * then calls its handler. Any other method on a declared path is a 405 with `Allow`.
 */
export function routerFrom<Routes extends Record<string, RouteDeclaration>>(
  routes: Routes,
  handlers: RouteHandlers<Routes>,
  options: RouterOptions<Routes> = {},
): Router {
  const router = Router();
  const paths = new Map<string, IRoute>();
  for (const [name, route] of Object.entries(routes) as [keyof Routes & string, Routes[keyof Routes]][]) {
    let expressRoute = paths.get(route.path);
    if (!expressRoute) {
      expressRoute = router.route(route.path);
      paths.set(route.path, expressRoute);
    }
    const handler = handlers[name];
    const authentication: RequestHandler[] = [];
    if (route.auth === 'callback') {
      if (!options.authenticateCallback) throw new Error(`${name} is a callback route: its router needs authenticateCallback`);
      authentication.push(options.authenticateCallback);
    }
    expressRoute[route.method](...(options.before?.[name] ?? []), ...authentication, (req: Request, res: Response) => {
      authorize(route.auth, req);
      return handler(req, res, parseInput(route, req));
    });
  }
  for (const expressRoute of paths.values()) expressRoute.all(methodNotAllowed);
  return router;
}

function authorize(auth: RouteAuth, req: Request): void {
  if (auth === 'key') principalOf(req);
  // The route's `before` middleware authenticated the key or verified the relay's signature.
  if (auth === 'key_or_relay' && !req.principal && req.relayTenantId === undefined) throw new Error('A key_or_relay route was reached without authenticating its caller');
  if (auth === 'admin') requireAdmin(req);
  if (auth === 'operator' && !requireAdmin(req).operator) throw new HttpProblem(403, 'forbidden', 'This action needs an admin key of the operator tenant.');
}

function parseInput<Route extends RouteDeclaration>(route: Route, req: Request): RouteInput<Route> {
  let params: unknown = req.params;
  if (route.params) {
    const parsed = route.params.safeParse(req.params);
    if (!parsed.success) throw invalidRequest(zodProblems(parsed.error, 'path'));
    params = parsed.data;
  }
  const query = route.query ? parseQuery(route.query, req) : undefined;
  const body = route.body && 'schema' in route.body ? parseBody(route.body.schema, req) : undefined;
  return { params, query, body } as RouteInput<Route>;
}
