import { issueApiKey } from '../../lib/auth/api-keys';
import { expectProblem } from '../support/problem';
import { type TestStack, startStack } from '../support/stack';

// The operator's default policy: private networks closed.
let stack: TestStack;

beforeAll(async () => {
  stack = await startStack({ worker: false });
});

afterAll(async () => {
  await stack.stop();
});

const registration = (endpoint: string) => ({
  slug: 'policy-check',
  name: 'Policy check',
  endpoint,
  secret: 'agent-secret-0123456789abcdef',
  task_types: { run: { description: 'Runs', input_schema: { type: 'object' } } },
});

describe('registering a remote agent under the default outbound policy', () => {
  it('needs an https endpoint that is no loopback, private or metadata address', async () => {
    for (const endpoint of ['http://agents.example.com/dispatch', 'https://127.0.0.1/dispatch', 'https://169.254.169.254/latest', 'https://localhost/']) {
      const problem = await expectProblem(await stack.request('/v1/agents', { method: 'POST', json: registration(endpoint) }), 400, 'validation_failed');
      expect(problem.errors!.map((error) => error.field)).toEqual(['endpoint']);
    }
    const accepted = await stack.request('/v1/agents', { method: 'POST', json: registration('https://93.184.215.14/dispatch') });
    expect(accepted.status).toBe(201);
    expect(await accepted.json()).toMatchObject({ slug: 'policy-check', kind: 'registered', endpoint: 'https://93.184.215.14/dispatch' });
  });

  it('takes an admin key to register, change or remove one', async () => {
    const { key } = await issueApiKey(stack.db, { tenantId: stack.admin.tenantId, name: 'member', role: 'member' });
    await expectProblem(await stack.request('/v1/agents', { method: 'POST', apiKey: key, json: registration('https://93.184.215.14/') }), 403, 'forbidden');
    await expectProblem(await stack.request('/v1/agents/policy-check', { method: 'PATCH', apiKey: key, json: { name: 'x' } }), 403, 'forbidden');
    await expectProblem(await stack.request('/v1/agents/policy-check', { method: 'DELETE', apiKey: key }), 403, 'forbidden');
    // Reading takes any key.
    expect((await stack.request('/v1/agents/policy-check', { apiKey: key })).status).toBe(200);
  });
});
