import type { z } from 'zod';

/**
 * Who may call a route: nobody in particular (`none`), the holder of a signed URL (`signed`),
 * any API key of the tenant (`key`), any API key or a relay signing the body with its channel's
 * secret (`key_or_relay`: the route's own middleware checks either), an admin key (`admin`), an
 * admin key of the operator tenant (`operator`), or a registered agent with its execution's
 * callback token as the bearer token, not an API key (`callback`: the resource's router checks
 * the token, see `routerFrom`).
 */
export type RouteAuth = 'none' | 'signed' | 'key' | 'key_or_relay' | 'admin' | 'operator' | 'callback';

export type RouteMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The problem+json statuses a route can answer, besides its successes. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 429 | 500 | 503;

export interface ResponseDeclaration {
  description: string;
  /** The JSON body; absent for a response without one (204) or of another type. */
  schema?: z.ZodType;
  /** Defaults to application/json when there is a schema. */
  contentType?: string;
  headers?: Record<string, string>;
}

/** A seed document's request, shown as an example in the docs. */
export interface RequestExample {
  summary: string;
  /** The curl command as the seed writes it. */
  curl: string;
  /** The JSON body it sends. */
  body?: unknown;
}

/** What the body is: JSON (or a form) checked against a schema, or file bytes streamed as they come. */
export type BodyDeclaration =
  | { schema: z.ZodType; contentTypes?: readonly string[]; required?: boolean }
  | {
      upload: true;
      description: string;
      /** A JSON body the route takes instead of a file (the handler parses it). */
      json?: z.ZodType;
    };

export interface RouteDeclaration {
  method: RouteMethod;
  /** Express syntax: `/v1/tasks/:id`. */
  path: string;
  auth: RouteAuth;
  summary: string;
  description?: string;
  /** The resource the docs group it under. */
  tag: string;
  params?: z.ZodObject;
  /** An object of the query's parameters (transformed and refined as need be). */
  query?: z.ZodObject | z.ZodPipe<z.ZodObject>;
  body?: BodyDeclaration;
  /** Every answer that is not a problem+json, by status. */
  responses: Partial<Record<number, ResponseDeclaration>>;
  problems: readonly ProblemStatus[];
  examples?: readonly RequestExample[];
}

/** Declares a resource's routes, each under its operation name, keeping their literal types. */
export function defineRoutes<const Routes extends Record<string, RouteDeclaration>>(routes: Routes): Routes {
  return routes;
}
