import { invalidRequest } from './problem';

/** A position in a listing ordered by (time, id), as an opaque `cursor` string. */
export interface Position {
  at: Date;
  id: string;
}

export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.at.toISOString(), position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): Position {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    // Only timestamps this API can have written: the database refuses extreme years.
    if (typeof id !== 'string' || hasControlCharacter(id) || Number.isNaN(date.getTime()) || date.getUTCFullYear() < 2000 || date.getUTCFullYear() > 9999) {
      throw new Error('malformed');
    }
    return { at: date, id };
  } catch {
    throw invalidRequest([{ field: 'cursor', in: 'query', message: 'Not a cursor this API returned' }]);
  }
}

// No ID this API writes has one, and PostgreSQL refuses a NUL outright.
const hasControlCharacter = (text: string) => [...text].some((character) => character.charCodeAt(0) < 0x20);

/**
 * One page of a keyset listing fetched with `take: limit + 1`: the first `limit` rows, and a
 * cursor after the last of them when the extra row shows there is more.
 */
export function keysetPage<Row extends { id: string }>(rows: Row[], limit: number, at: (row: Row) => Date): { page: Row[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? encodeCursor({ at: at(last), id: last.id }) : null };
}
