import type { Database } from '../db/client';

export interface BucketRule {
  /** Tokens added per second. */
  ratePerSecond: number;
  /** The most tokens a bucket holds: how large a burst may be. */
  burst: number;
}

export interface TakeResult {
  allowed: boolean;
  /** Tokens this process believes are left (its lease plus the shared bucket's last known count). */
  remaining: number;
  /** When refused: seconds until a token is due. */
  retryAfterSeconds: number;
}

interface LocalLease {
  tokens: number;
  /** The shared bucket's count after the last lease. */
  sharedTokens: number;
  /** What the last lease took from the shared bucket. */
  lastGranted: number;
  /** One lease at a time: concurrent requests of this process wait for it together. */
  pending?: Promise<void>;
}

// A lease takes this share of a burst at once, so a busy key costs one statement per that many
// requests; what one process holds unspent is what another can lack, so the share stays small.
const LEASE_SHARE_OF_BURST = 0.1;
const MAX_LOCAL_BUCKETS = 50_000;
const IDLE_BUCKET_MS = 3_600_000;
const PRUNE_INTERVAL_MS = 600_000;

/**
 * Token buckets shared by every API process through PostgreSQL (`rate_limit_buckets`). A process
 * does not ask the database per request: it leases a few tokens at a time from the shared bucket
 * (one atomic statement that refills by elapsed time and takes what is there) and spends them
 * locally. Across processes, the limit holds to within one lease each.
 */
export class SharedTokenBuckets {
  private readonly leases = new Map<string, LocalLease>();
  private lastPrune = 0;

  constructor(private readonly db: Database) {}

  async take(key: string, rule: BucketRule): Promise<TakeResult> {
    let lease = this.leases.get(key);
    if (!lease) {
      if (this.leases.size >= MAX_LOCAL_BUCKETS) this.leases.delete(this.leases.keys().next().value!);
      lease = { tokens: 0, sharedTokens: rule.burst, lastGranted: 0 };
      this.leases.set(key, lease);
    }
    for (;;) {
      if (lease.tokens >= 1) {
        lease.tokens -= 1;
        return { allowed: true, remaining: Math.floor(lease.tokens + lease.sharedTokens), retryAfterSeconds: 0 };
      }
      if (!lease.pending) {
        const current = lease;
        current.pending = this.lease(key, rule, current).finally(() => (current.pending = undefined));
      }
      await lease.pending;
      // The shared bucket had nothing left (a lease that others of this process spent is renewed).
      if (lease.lastGranted === 0) {
        return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil((1 - lease.sharedTokens) / rule.ratePerSecond)) };
      }
    }
  }

  private async lease(key: string, rule: BucketRule, lease: LocalLease): Promise<void> {
    const want = Math.max(1, Math.ceil(rule.burst * LEASE_SHARE_OF_BURST));
    // The refill, capped at the burst, is spelled out where it is used: an UPDATE sees only the
    // row's old values. `granted` keeps what this statement took, for RETURNING to report.
    const [row] = await this.db.$queryRaw<{ granted: number; tokens: number }[]>`
      INSERT INTO rate_limit_buckets AS b (key, tokens, granted, updated_at)
      VALUES (${key}, ${rule.burst}::float8 - LEAST(${want}::float8, ${rule.burst}::float8), LEAST(${want}::float8, ${rule.burst}::float8), now())
      ON CONFLICT (key) DO UPDATE SET
        granted = LEAST(${want}::float8, FLOOR(LEAST(${rule.burst}::float8, b.tokens + EXTRACT(EPOCH FROM now() - b.updated_at)::float8 * ${rule.ratePerSecond}::float8))),
        tokens = LEAST(${rule.burst}::float8, b.tokens + EXTRACT(EPOCH FROM now() - b.updated_at)::float8 * ${rule.ratePerSecond}::float8)
               - LEAST(${want}::float8, FLOOR(LEAST(${rule.burst}::float8, b.tokens + EXTRACT(EPOCH FROM now() - b.updated_at)::float8 * ${rule.ratePerSecond}::float8))),
        updated_at = now()
      RETURNING granted, tokens`;
    lease.lastGranted = row!.granted;
    lease.tokens += row!.granted;
    lease.sharedTokens = row!.tokens;
    void this.pruneIdle();
  }

  /** Buckets nobody used for an hour are full again: their rows can go. */
  private async pruneIdle(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPrune < PRUNE_INTERVAL_MS) return;
    this.lastPrune = now;
    await this.db.$executeRaw`DELETE FROM rate_limit_buckets WHERE updated_at < now() - ${IDLE_BUCKET_MS}::int * interval '1 millisecond'`.catch(() => undefined);
  }
}
