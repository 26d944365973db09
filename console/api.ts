import type { components, paths } from '../client/schema.js';
import createClient, { type Client } from './openapi-fetch.js';

/** The API's named schemas: `Schemas['Task']`, `Schemas['Approval']`, … */
export type Schemas = components['schemas'];
export type Api = Client<paths>;

/**
 * Sent on `window` when the API stops accepting the signed-in key (revoked meanwhile): the shell
 * then returns to the sign-in form.
 */
export const KEY_REFUSED_EVENT = 'taskwright:key-refused';

export const announceKeyRefused = () => window.dispatchEvent(new Event(KEY_REFUSED_EVENT));

/** The typed client, calling the API that served the console with this key. */
export function apiWithKey(apiKey: string): Api {
  const api = createClient<paths>({ baseUrl: location.origin, headers: { Authorization: `Bearer ${apiKey}` } });
  api.use({
    onResponse: ({ response }) => {
      if (response.status === 401) announceKeyRefused();
    },
  });
  return api;
}

/** A refused call, said plainly: the server's own words, and for a 409 what the task is now. */
export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<Schemas['Problem']>,
  ) {
    super(describeProblem(status, problem));
    this.name = 'ApiRefusal';
  }
}

function describeProblem(status: number, problem: Partial<Schemas['Problem']>): string {
  const detail = problem.detail ?? problem.title ?? `The server answered ${status}.`;
  if (status === 409) {
    const current = typeof problem['current_status'] === 'string' ? problem['current_status'] : null;
    return `Not possible now: ${detail}${current && !detail.includes(current) ? ` It is ${current.replace(/_/g, ' ')} now.` : ''}`;
  }
  const fields = problem.errors?.map((error) => `${error.field}: ${error.message}`) ?? [];
  return fields.length > 0 ? `${detail} (${fields.join('; ')})` : detail;
}

/**
 * The data of an answer, or an ApiRefusal with the problem the server sent: pages show its
 * message where the person acted.
 */
export function answered<Data>(answer: { data?: Data; error?: unknown; response: Response }): Data {
  if (answer.response.ok && answer.data !== undefined) return answer.data;
  const problem = typeof answer.error === 'object' && answer.error !== null ? (answer.error as Partial<Schemas['Problem']>) : {};
  throw new ApiRefusal(answer.response.status, problem);
}

/** What to tell the person about a failure: a refusal's message, or that the server was unreachable. */
export function failureMessage(error: unknown): string {
  if (error instanceof ApiRefusal) return error.message;
  return `The server could not be reached (${error instanceof Error ? error.message : String(error)}).`;
}
