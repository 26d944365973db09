import { z } from 'zod';

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `input.sleep_ms`. */
  field: string;
  in: 'body' | 'query' | 'path' | 'header';
  message: string;
}

/** An error that becomes an RFC 9457 `application/problem+json` response. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    /** Stable, machine-readable reason, e.g. `validation_failed`. */
    readonly code: string,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

export function invalidRequest(errors: FieldProblem[]): HttpProblem {
  const fields = errors.map((error) => error.field || '(root)').join(', ');
  return new HttpProblem(400, 'validation_failed', `Invalid request: ${fields}`, { errors });
}

export function zodProblems(error: z.ZodError, location: FieldProblem['in'], prefix: string[] = []): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: [...prefix, ...issue.path.map(String)].join('.'),
    in: location,
    message: issue.message,
  }));
}

export const notFound = (what: string) => new HttpProblem(404, 'not_found', `${what} not found`);

/** The body of every error response (RFC 9457 plus `code` and `request_id`), as documented. */
export const problemDocument = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    code: z.string().meta({ description: 'Stable, machine-readable reason, e.g. `validation_failed`' }),
    detail: z.string(),
    instance: z.string(),
    request_id: z.string(),
    errors: z
      .array(z.object({ field: z.string(), in: z.enum(['body', 'query', 'path', 'header']), message: z.string() }))
      .optional()
      .meta({ description: 'For 400s: each offending field' }),
  })
  .catchall(z.unknown())
  .meta({ id: 'Problem' });
