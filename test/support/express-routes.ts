import type { Express } from 'express';

/** A layer of an Express 5 router stack, as far as this walk reads it. */
interface Layer {
  name: string;
  rawPath?: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/** Middleware that passes requests on (or answers only errors and unmatched paths): not routes. */
const PASS_THROUGH = new Set([
  'identifyRequest',
  'refuseNulInUrl',
  'authenticateBearer',
  'limitRequests',
  'requireJsonBody',
  'jsonParser',
  'routeNotFound',
  'errorHandler',
]);

export interface MountedRoutes {
  /** `GET /v1/tasks/:id`, one per method of each route, in Express path syntax. */
  routes: string[];
  /** Middleware that could answer requests without being a declared route: `name at path`. */
  unknownMiddleware: string[];
}

/** Everything an Express app answers, read from its router stack (nested routers included). */
export function mountedRoutes(app: Express): MountedRoutes {
  const found: MountedRoutes = { routes: [], unknownMiddleware: [] };
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      const mountPath = layer.rawPath === undefined || layer.rawPath === '/' ? '' : layer.rawPath;
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods).filter((method) => method !== '_all')) {
          found.routes.push(`${method.toUpperCase()} ${prefix}${layer.route.path}`);
        }
      } else if (layer.handle.stack) {
        walk(layer.handle.stack, prefix + mountPath);
      } else if (!PASS_THROUGH.has(layer.name)) {
        found.unknownMiddleware.push(`${layer.name} at ${prefix + mountPath || '/'}`);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return found;
}
