import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/client';
import { newId } from '../ids';

export const ROLES = ['admin', 'member', 'approver'] as const;
/**
 * admin: everything in its tenant; member: all but keys, retention, owners other than itself and
 * permanent deletes of tasks; approver: reads, and decides approvals (a person's inbox key).
 */
export type Role = (typeof ROLES)[number];

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

/** What authenticating a request needs to know about its key. */
export interface ApiKeyRecord {
  id: string;
  tenantId: string;
  name: string;
  role: Role;
  userEmail: string | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  /** Whether the key's tenant is the operator tenant. */
  operator: boolean;
}

interface CachedLookup {
  expiresAt: number;
  record: Promise<ApiKeyRecord | null>;
}

const LOOKUP_TTL_MS = 1_000;
const MAX_CACHED_KEYS = 10_000;
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * API keys by their key, each answer kept for at most a second from the moment its read began:
 * a key revoked by any process is refused by every process within a second (and at once by the
 * process that revoked it, through `forget`), while a busy key costs one read per second per
 * process instead of one per request. Unknown keys are not kept (a flood of made-up keys cannot
 * fill the cache), and concurrent requests with the same key share one read.
 *
 * `last_used_at` is written at most once a minute per key and process, and not at all while the
 * stored time (which any process may have written) is that recent.
 */
export class ApiKeyLookup {
  private readonly cached = new Map<string, CachedLookup>();
  private readonly lastRecordedUse = new Map<string, number>();

  constructor(
    private readonly db: Database,
    private readonly onUseNotRecorded: (error: unknown) => void,
  ) {}

  find(key: string): Promise<ApiKeyRecord | null> {
    const hash = hashApiKey(key);
    // Monotonic, so a wall clock set back cannot keep an answer longer.
    const now = performance.now();
    const hit = this.cached.get(hash);
    if (hit && hit.expiresAt > now) return hit.record;
    // Re-inserted entries go to the end, so the first entry is the least recently read.
    this.cached.delete(hash);
    if (this.cached.size >= MAX_CACHED_KEYS) this.cached.delete(this.cached.keys().next().value!);
    const entry: CachedLookup = { expiresAt: now + LOOKUP_TTL_MS, record: this.read(hash) };
    this.cached.set(hash, entry);
    const drop = () => {
      if (this.cached.get(hash) === entry) this.cached.delete(hash);
    };
    entry.record.then((record) => {
      if (!record) drop();
    }, drop);
    return entry.record;
  }

  /** Drops what this process remembers about the key with this hash (it was just revoked). */
  forget(hash: string): void {
    this.cached.delete(hash);
  }

  /** Notes a use of the key; returns the write of `last_used_at` when this use makes one. */
  recordUse(record: ApiKeyRecord): Promise<void> | undefined {
    const now = Date.now();
    const recorded = Math.max(record.lastUsedAt?.getTime() ?? 0, this.lastRecordedUse.get(record.id) ?? 0);
    if (now - recorded < LAST_USED_RESOLUTION_MS) return undefined;
    if (this.lastRecordedUse.size >= MAX_CACHED_KEYS) this.lastRecordedUse.clear();
    this.lastRecordedUse.set(record.id, now);
    const stale = new Date(now - LAST_USED_RESOLUTION_MS);
    return this.db.apiKey
      .updateMany({ where: { id: record.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: stale } }] }, data: { lastUsedAt: new Date(now) } })
      .then(() => undefined, this.onUseNotRecorded);
  }

  private async read(hash: string): Promise<ApiKeyRecord | null> {
    const key = await this.db.apiKey.findUnique({ where: { hash }, include: { tenant: { select: { operator: true } } } });
    if (!key) return null;
    const { id, tenantId, name, role, userEmail, revokedAt, lastUsedAt, tenant } = key;
    return { id, tenantId, name, role: role as Role, userEmail, revokedAt, lastUsedAt, operator: tenant.operator };
  }
}
