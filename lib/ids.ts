import { createHash, randomInt } from 'node:crypto';
import { ulid } from './ulid';

export type IdPrefix = 'task' | 'evt' | 'art' | 'ten' | 'key' | 'exec' | 'apr' | 'whk' | 'dlv' | 'msg' | 'file' | 'step' | 'agt' | 'sch' | 'trg' | 'ses' | 'rule' | 'chm';

/** What an uploaded file's ID looks like (`file_` + a ULID): how task inputs are searched for references. */
export const FILE_ID_PATTERN = /^file_[0-9A-HJKMNP-TV-Z]{26}$/;

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new ID for use outside workflows, e.g. `task_01J9X8K...`. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${ulid(Date.now(), () => randomInt(32) / 32)}`;
}

/**
 * The same ID every time for the same parts: what a retried activity uses so that its second
 * attempt names (and so de-duplicates) what the first one wrote. 26 base32 characters, like a
 * ULID, but not time-ordered.
 */
export function derivedId(prefix: IdPrefix, ...parts: string[]): string {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest();
  let id = '';
  for (let i = 0; i < 26; i++) id += ALPHABET[digest[i]! % 32];
  return `${prefix}_${id}`;
}
