import type { Request, RequestHandler, Response } from 'express';
import type { Config } from '../../lib/config';
import type { BucketRule, SharedTokenBuckets, TakeResult } from '../../lib/rate-limit/shared-buckets';
import { HttpProblem } from '../problem';
import { principalOf } from './auth';

export type RateLimitConfig = Pick<Config, 'RATE_LIMIT_PER_KEY' | 'RATE_LIMIT_PER_TENANT' | 'RATE_LIMIT_UNAUTHENTICATED'>;

/** Requests per second, with a burst of twice that; 0 turns the limit off. */
const ruleOf = (perSecond: number): BucketRule | undefined => (perSecond > 0 ? { ratePerSecond: perSecond, burst: 2 * perSecond } : undefined);

/**
 * The API's rate limits: each request takes a token from its key's bucket and from its tenant's;
 * requests that fail authentication take one from their client address's. Limited requests get
 * a 429 with Retry-After; every limited-or-not answer tells the client where it stands in the
 * RateLimit-* headers (of the tighter bucket).
 */
export function createRateLimits(buckets: SharedTokenBuckets, config: RateLimitConfig) {
  const perKey = ruleOf(config.RATE_LIMIT_PER_KEY);
  const perTenant = ruleOf(config.RATE_LIMIT_PER_TENANT);
  const unauthenticated = ruleOf(config.RATE_LIMIT_UNAUTHENTICATED);

  async function take(res: Response, checks: [string, BucketRule | undefined][], what: (key: string) => string): Promise<void> {
    let tightest: { rule: BucketRule; result: TakeResult; key: string } | undefined;
    for (const [key, rule] of checks) {
      if (!rule) continue;
      const result = await buckets.take(key, rule);
      if (!tightest || !result.allowed || result.remaining < tightest.result.remaining) tightest = { rule, result, key };
      if (!result.allowed) break;
    }
    if (!tightest) return;
    const { rule, result, key } = tightest;
    res.set({
      'RateLimit-Limit': String(rule.burst),
      'RateLimit-Remaining': String(result.remaining),
      'RateLimit-Reset': String(result.allowed ? Math.ceil((rule.burst - result.remaining) / rule.ratePerSecond) : result.retryAfterSeconds),
      'RateLimit-Policy': `${rule.burst};w=${Math.ceil(rule.burst / rule.ratePerSecond)}`,
    });
    if (!result.allowed) {
      throw new HttpProblem(429, 'rate_limited', `Too many requests ${what(key)}; retry in ${result.retryAfterSeconds} s.`, { retry_after_seconds: result.retryAfterSeconds }, {
        'Retry-After': String(result.retryAfterSeconds),
      });
    }
  }

  // Named: the route-table test tells pass-through middleware from routes by name.
  const limitRequests: RequestHandler = async (req, res, next) => {
    const { keyId, tenantId } = principalOf(req);
    await take(res, [[`key:${keyId}`, perKey], [`tenant:${tenantId}`, perTenant]], (key) => (key.startsWith('key:') ? 'with this API key' : "for this key's tenant"));
    next();
  };

  return {
    /** After authentication: the key's and the tenant's buckets. */
    perPrincipal: limitRequests,

    /** Before answering a failed authentication: a 429 instead of the 401 once its address has used its budget. */
    async failedAuthentication(req: Request, res: Response): Promise<void> {
      await take(res, [[`address:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`, unauthenticated]], () => 'without a valid API key from this address');
    },
  };
}

export type RateLimits = ReturnType<typeof createRateLimits>;
