import type { Request } from 'express';
import type { z } from 'zod';
import { invalidRequest, zodProblems } from './problem';

/** Parses the request body; a mismatch is a 400 naming every offending field. */
export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  const body: unknown = req.body ?? {};
  const nulFields = fieldsWithNul(body);
  if (nulFields.length > 0) {
    throw invalidRequest(nulFields.map((field) => ({ field, in: 'body', message: 'Contains a NUL character (\\u0000), which cannot be stored' })));
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalidRequest(zodProblems(parsed.error, 'body'));
  return parsed.data;
}

export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  const parsed = schema.safeParse(req.query);
  if (!parsed.success) throw invalidRequest(zodProblems(parsed.error, 'query'));
  return parsed.data;
}

// PostgreSQL's text and jsonb reject U+0000; finding it here makes that a 400 naming the field.
function fieldsWithNul(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path.join('.')] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => fieldsWithNul(item, [...path, String(index)]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      key.includes('\u0000') ? [[...path, key].join('.')] : fieldsWithNul(item, [...path, key]),
    );
  }
  return [];
}
