import { invalidRequest } from './problem';

/** An opaque paging cursor for listings ordered by (created_at, id). */
export function encodeKeysetCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
}

export function decodeKeysetCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(createdAt);
    // Only timestamps this API can have written: the database refuses extreme years.
    if (typeof id !== 'string' || Number.isNaN(date.getTime()) || date.getUTCFullYear() < 2000 || date.getUTCFullYear() > 9999) {
      throw new Error('malformed');
    }
    return { createdAt: date, id };
  } catch {
    throw invalidRequest([{ field: 'cursor', in: 'query', message: 'Not a cursor this API returned' }]);
  }
}
