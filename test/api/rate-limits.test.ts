import { issueApiKey } from '../../lib/auth/api-keys';
import { SharedTokenBuckets } from '../../lib/rate-limit/shared-buckets';
import { expectProblem } from '../support/problem';
import { type TestStack, startStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  // Its own database: the buckets (of the loopback address above all) are shared by everything
  // that uses one database.
  stack = await startStack({
    worker: false,
    ownDatabase: true,
    env: { RATE_LIMIT_PER_KEY: '0.5', RATE_LIMIT_PER_TENANT: '1', RATE_LIMIT_UNAUTHENTICATED: '1' },
  });
});
afterAll(async () => {
  await stack?.stop();
});

const listTasks = (apiKey: string | null) => stack.request('/v1/tasks?limit=1', { apiKey });

async function expectRateLimited(response: Response, detail: RegExp): Promise<void> {
  const problem = await expectProblem(response, 429, 'rate_limited');
  expect(problem.detail).toMatch(detail);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(problem).toMatchObject({ retry_after_seconds: retryAfter });
  expect(response.headers.get('ratelimit-remaining')).toBe('0');
  expect(Number(response.headers.get('ratelimit-reset'))).toBe(retryAfter);
}

describe('rate limits', () => {
  // Rates low enough that no token comes back while a test runs: a key gets 1 request (a burst
  // of twice 0.5 a second), a tenant 2.
  it("limits each key, then its tenant's keys together, with 429, Retry-After and RateLimit-* headers; other tenants go on", async () => {
    const tenant = await stack.newTenant();
    const issue = async (name: string) => (await issueApiKey(stack.db, { tenantId: tenant.tenantId, name, role: 'member' })).key;
    const [second, third] = [await issue('second'), await issue('third')];

    const first = await listTasks(tenant.apiKey);
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-limit')).toBe('1');
    expect(first.headers.get('ratelimit-remaining')).toBe('0');
    expect(first.headers.get('ratelimit-policy')).toBe('1;w=2');
    await expectRateLimited(await listTasks(tenant.apiKey), /with this API key/);

    // The second key spends the tenant's last token; the third has its own but the tenant has none.
    expect((await listTasks(second)).status).toBe(200);
    await expectRateLimited(await listTasks(third), /tenant/);

    expect((await listTasks((await stack.newTenant()).apiKey)).status).toBe(200);
  });

  it('answers failed authentications from an address with 429 once it has failed too often; valid keys still work', async () => {
    expect((await listTasks('tw_not_a_real_key_at_all_000')).status).toBe(401);
    expect((await listTasks(null)).status).toBe(401);
    await expectRateLimited(await listTasks('tw_not_a_real_key_at_all_001'), /without a valid API key/);
    expect((await listTasks((await stack.newTenant()).apiKey)).status).toBe(200);
  });

  it('shares each bucket between API processes through PostgreSQL', async () => {
    const one = new SharedTokenBuckets(stack.db);
    const two = new SharedTokenBuckets(stack.db);
    const rule = { ratePerSecond: 0.01, burst: 4 };
    const taken = [];
    for (const buckets of [one, two, one, two, one, two]) taken.push((await buckets.take('shared-test', rule)).allowed);
    expect(taken).toEqual([true, true, true, true, false, false]);
    const refused = await two.take('shared-test', rule);
    expect(refused).toMatchObject({ allowed: false, remaining: 0 });
    expect(refused.retryAfterSeconds).toBeGreaterThan(90);
  });
});
