import { randomInt } from 'node:crypto';
import { ulid } from './ulid';

export type IdPrefix = 'task' | 'evt' | 'art' | 'ten' | 'key' | 'exec' | 'whk' | 'dlv';

/** A new ID for use outside workflows, e.g. `task_01J9X8K...`. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${ulid(Date.now(), () => randomInt(32) / 32)}`;
}
