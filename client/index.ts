import createClient, { type Client } from 'openapi-fetch';
import type { components, operations, paths } from './schema';

export type { components, operations, paths };

/** The API's named schemas: `Schemas['Task']`, `Schemas['Problem']`, … */
export type Schemas = components['schemas'];

export type TaskwrightClient = Client<paths>;

export interface TaskwrightClientOptions {
  /** Where the API is, e.g. `http://localhost:3000`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>`; without one only the public routes answer. */
  apiKey?: string;
  /** Another fetch (a test's, a proxy's); the global one by default. */
  fetch?: typeof fetch;
}

/**
 * A typed client of the Taskwright API: paths, parameters, bodies and answers (problems
 * included) are checked against the OpenAPI document at compile time.
 *
 *   const api = createTaskwrightClient({ baseUrl, apiKey });
 *   const { data, error } = await api.POST('/v1/tasks', { body: { agent: 'echo', input: { message: 'hi' } } });
 */
export function createTaskwrightClient(options: TaskwrightClientOptions): TaskwrightClient {
  return createClient<paths>({
    baseUrl: options.baseUrl,
    headers: options.apiKey === undefined ? {} : { Authorization: `Bearer ${options.apiKey}` },
    ...(options.fetch && { fetch: options.fetch }),
  });
}
