import type { IncomingMessage } from 'node:http';
import { HttpProblem } from './problem';

/**
 * How deeply a JSON body may nest objects and arrays. Deeper bodies are refused before anything
 * recursive (parsing, validation, canonical JSON, PostgreSQL's jsonb) can run out of stack on them.
 */
export const MAX_JSON_DEPTH = 64;

export const tooDeep = () =>
  new HttpProblem(400, 'json_too_deep', `The JSON body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep, the limit.`, {
    max_depth: MAX_JSON_DEPTH,
  });

/** The deepest nesting of objects and arrays in JSON text, read in one pass without recursion. */
export function jsonTextDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const character = text.charCodeAt(index);
    if (inString) {
      if (character === 0x5c) index++; // backslash: skip the escaped character
      else if (character === 0x22) inString = false;
    } else if (character === 0x22) {
      inString = true;
    } else if (character === 0x7b || character === 0x5b) {
      deepest = Math.max(deepest, ++depth);
    } else if (character === 0x7d || character === 0x5d) {
      depth--;
    }
  }
  return deepest;
}

/** For body-parser's `verify`: refuses a too-deep body before it is parsed. */
export function refuseDeepJson(_req: IncomingMessage, _res: unknown, body: Buffer): void {
  if (jsonTextDepth(body.toString('utf8')) > MAX_JSON_DEPTH) throw tooDeep();
}

/** The same limit on an already parsed value (walked without recursion). */
export function exceedsJsonDepth(value: unknown): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > MAX_JSON_DEPTH) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}
