import type { Request } from 'express';
import type { z } from 'zod';
import { exceedsJsonDepth, tooDeep } from './json-depth';
import { invalidRequest, zodProblems } from './problem';

/** Parses the request body; a mismatch is a 400 naming every offending field. */
export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  const body: unknown = req.body ?? {};
  // The walks below recurse: a body no parser limited must not take them past the stack.
  if (exceedsJsonDepth(body)) throw tooDeep();
  const unstorable = unstorableStrings(body);
  if (unstorable.length > 0) {
    throw invalidRequest(
      unstorable.map((field) => ({ field, in: 'body', message: 'Contains a NUL character or a lone UTF-16 surrogate, which cannot be stored' })),
    );
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

// PostgreSQL's text and jsonb reject U+0000 and unpaired surrogates (JSON allows both);
// finding them here makes that a 400 naming the field instead of a failed write.
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unstorableStrings(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? [path.join('.')] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => unstorableStrings(item, [...path, String(index)]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      UNSTORABLE.test(key) ? [[...path, key].join('.')] : unstorableStrings(item, [...path, key]),
    );
  }
  return [];
}
