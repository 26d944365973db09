import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/client';
import { newId } from '../ids';

export type Role = 'admin' | 'member';

/** A new random key: `tw_` and 32 URL-safe characters (192 bits). */
export function generateApiKey(): string {
  return `tw_${randomBytes(24).toString('base64url')}`;
}

// Keys are long random strings, so a fast hash is enough; nothing guessable is stored.
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Stores the hash of `key` (a new random one when omitted) and returns the key once. */
export async function issueApiKey(
  db: Pick<Database, 'apiKey'>,
  params: { tenantId: string; name: string; role: Role; userEmail?: string; key?: string },
): Promise<{ record: Awaited<ReturnType<Database['apiKey']['create']>>; key: string }> {
  const key = params.key ?? generateApiKey();
  const record = await db.apiKey.create({
    data: {
      id: newId('key'),
      tenantId: params.tenantId,
      name: params.name,
      role: params.role,
      userEmail: params.userEmail ?? null,
      prefix: key.slice(0, 10),
      hash: hashApiKey(key),
    },
  });
  return { record, key };
}
