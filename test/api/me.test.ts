import { expectProblemAnswer, typedClient } from '../support/client';
import { type TestStack, startStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ worker: false });
});
afterAll(async () => {
  await stack?.stop();
});

describe('GET /v1/me', () => {
  it("answers the caller's key and tenant, never the key itself", async () => {
    const { data, response } = await typedClient(stack).GET('/v1/me');
    expect(response.status).toBe(200);
    const key = await stack.db.apiKey.findFirstOrThrow({ where: { tenantId: stack.admin.tenantId } });
    expect(data).toEqual({
      tenant: { tenant_id: stack.admin.tenantId, name: 'test tenant', operator: true },
      api_key: { id: key.id, name: 'test admin', role: 'admin', user_email: null, prefix: stack.admin.apiKey.slice(0, 10) },
    });
    expect(JSON.stringify(data)).not.toContain(stack.admin.apiKey);
  });

  it('answers for an approver key, with its user', async () => {
    const issued = await typedClient(stack).POST('/v1/api-keys', { body: { name: 'inbox', role: 'approver', user_email: 'ana@example.com' } });
    const { data } = await typedClient(stack, issued.data!.key).GET('/v1/me');
    expect(data).toMatchObject({ tenant: { tenant_id: stack.admin.tenantId }, api_key: { name: 'inbox', role: 'approver', user_email: 'ana@example.com' } });
  });

  it('is a 401 for an unknown or revoked key', async () => {
    expectProblemAnswer(await typedClient(stack, 'tw_0123456789abcdefghijklmnopqrstuv').GET('/v1/me'), 401, 'unauthorized');
    const issued = await typedClient(stack).POST('/v1/api-keys', { body: { name: 'revoked', role: 'member' } });
    await typedClient(stack).DELETE('/v1/api-keys/{id}', { params: { path: { id: issued.data!.id } } });
    const refused = expectProblemAnswer(await typedClient(stack, issued.data!.key).GET('/v1/me'), 401, 'unauthorized');
    expect(refused.detail).toBe('This API key has been revoked.');
  });
});
