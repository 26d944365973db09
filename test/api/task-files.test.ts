import { createHash } from 'node:crypto';
import { type DocumentServer, startDocumentServer } from '../support/document-server';
import { expectProblem } from '../support/problem';
import { type TestStack, type TestTenant, startStack, waitForTask } from '../support/stack';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function upload(stack: TestStack, tenant: TestTenant, name: string, content: string): Promise<string> {
  const response = await stack.request(`/v1/files?name=${name}&purpose=evidence`, { method: 'POST', body: content, apiKey: tenant.apiKey, headers: { 'content-type': 'text/plain' } });
  expect(response.status).toBe(201);
  return ((await response.json()) as { file_id: string }).file_id;
}

async function createTask(stack: TestStack, tenant: TestTenant, body: Record<string, unknown>) {
  return stack.request('/v1/tasks', { method: 'POST', apiKey: tenant.apiKey, json: { agent: 'echo', ...body } });
}

async function runTask(stack: TestStack, tenant: TestTenant, input: Record<string, unknown>, until: string) {
  const response = await createTask(stack, tenant, { input });
  expect(response.status).toBe(202);
  const { task_id } = (await response.json()) as { task_id: string };
  return waitForTask(stack, task_id, (task) => task.status === until, { apiKey: tenant.apiKey });
}

describe('with the default outbound policy (private networks refused)', () => {
  let stack: TestStack;
  let tenant: TestTenant;
  let other: TestTenant;
  let server: DocumentServer;
  beforeAll(async () => {
    stack = await startStack();
    [tenant, other] = [await stack.newTenant(), await stack.newTenant()];
    server = await startDocumentServer({ '/policy.md': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/markdown' }).end('# Policy') });
  });
  afterAll(async () => {
    await server?.stop();
    await stack?.stop();
  });

  it("answers 400 naming the input field that holds another tenant's or an unknown file ID", async () => {
    const theirs = await upload(stack, other, 'theirs.txt', 'not yours');
    const unknown = 'file_01JAAAAAAAAAAAAAAAAAAAAAAA';
    const problem = await expectProblem(await createTask(stack, tenant, { input: { read_file: theirs, message: unknown } }), 400, 'validation_failed');
    expect(problem.errors?.map((error) => error.field).sort()).toEqual(['input.message', 'input.read_file']);
    expect(problem.errors?.find((error) => error.field === 'input.read_file')?.message).toContain(theirs);
    expect(await stack.db.task.count({ where: { tenantId: tenant.tenantId } })).toBe(0);
  });

  it('lets the agent read an uploaded file named in its input', async () => {
    const content = 'Model card: intended use, limitations, evaluation.';
    const fileId = await upload(stack, tenant, 'MODEL_CARD.md', content);
    const task = await runTask(stack, tenant, { read_file: fileId }, 'complete');
    expect(task.output).toMatchObject({ file: { name: 'MODEL_CARD.md', mime_type: 'text/plain', size_bytes: content.length, sha256: sha256(content) } });
  });

  it('checks the file IDs given to process, and hands the agent the uploaded file with its name and type', async () => {
    const mine = await upload(stack, tenant, 'answers.txt', 'yes');
    const theirs = await upload(stack, other, 'theirs.txt', 'no');
    const created = await createTask(stack, tenant, { defer: true, input: { message: 'wait' } });
    const { task_id } = (await created.json()) as { task_id: string };
    const process = (body: unknown) => stack.request(`/v1/tasks/${task_id}/process`, { method: 'POST', apiKey: tenant.apiKey, json: body });

    const refused = await expectProblem(await process({ files: [{ file_id: mine }, { file_id: theirs }] }), 400, 'validation_failed');
    expect(refused.errors?.map((error) => error.field)).toEqual(['files.1.file_id']);
    const mixed = await expectProblem(await process({ files: [{ file_id: mine, name: 'x' }, { name: 'a.pdf', url: 'ftp://example.com/a.pdf' }] }), 400);
    expect(mixed.errors?.map((error) => error.field).sort()).toEqual(['files.0.name', 'files.1.url']);
    for (const url of ['javascript:alert(document.cookie)', 'data:text/html,<script>1</script>', 'file:///etc/passwd']) {
      const scripted = await expectProblem(await process({ files: [{ name: 'a.html', url }] }), 400, 'validation_failed');
      expect(scripted.errors).toEqual([expect.objectContaining({ field: 'files.0.url', message: 'An http or https URL' })]);
    }

    const processed = await process({ message: 'use these', files: [{ file_id: mine }, { name: 'guide.pdf', url: 'https://example.com/guide.pdf' }] });
    expect(processed.status).toBe(200);
    const task = await waitForTask(stack, task_id, (current) => current.status === 'complete', { apiKey: tenant.apiKey });
    expect(task.activities).toContainEqual(
      expect.objectContaining({
        type: 'message',
        text: 'use these',
        files: [
          { file_id: mine, name: 'answers.txt', mime_type: 'text/plain' },
          { name: 'guide.pdf', url: 'https://example.com/guide.pdf' },
        ],
      }),
    );
  });

  it('fails the task with source_unreachable naming the URL when the agent fetches a refused address, without contacting it', async () => {
    const url = server.url('/policy.md');
    const task = await runTask(stack, tenant, { fetch_url: url }, 'failed');
    expect(task.error).toMatchObject({ code: 'source_unreachable', message: expect.stringContaining(url) });
    expect(server.requested).toEqual([]);
  });

  it("answers file_not_found when the agent opens a file that went away", async () => {
    const fileId = await upload(stack, tenant, 'gone.txt', 'soon gone');
    const created = await createTask(stack, tenant, { input: { read_file: fileId, sleep_ms: 1_500 } });
    const { task_id } = (await created.json()) as { task_id: string };
    await stack.request(`/v1/files/${fileId}`, { method: 'DELETE', apiKey: tenant.apiKey });
    const task = await waitForTask(stack, task_id, (current) => current.status === 'failed', { apiKey: tenant.apiKey });
    expect(task.error).toMatchObject({ code: 'file_not_found', message: expect.stringContaining(fileId) });
  });
});

describe('with private networks allowed (documents served on loopback)', () => {
  let stack: TestStack;
  let tenant: TestTenant;
  let server: DocumentServer;
  const document = 'Question 1: Do you keep model cards?\n';
  beforeAll(async () => {
    // A database of its own: webhook dispatchers must share their URL policy (see startStack).
    stack = await startStack({ env: { OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true' }, ownDatabase: true });
    tenant = await stack.newTenant();
    server = await startDocumentServer({
      '/questionnaire.txt': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': String(document.length) }).end(document),
    });
  });
  afterAll(async () => {
    await server?.stop();
    await stack?.stop();
  });

  it('fetches a document for the agent', async () => {
    const task = await runTask(stack, tenant, { fetch_url: server.url('/questionnaire.txt') }, 'complete');
    expect(task.output).toMatchObject({
      fetched: { name: 'questionnaire.txt', mime_type: 'text/plain', size_bytes: document.length, sha256: sha256(document) },
    });
  });

  it('fails with source_unreachable on an HTTP error, asking the server once: no retries', async () => {
    const url = server.url('/missing.pdf');
    const task = await runTask(stack, tenant, { fetch_url: url }, 'failed');
    expect(task.error).toMatchObject({ code: 'source_unreachable', message: expect.stringContaining(url) });
    expect(task.error).toMatchObject({ message: expect.stringContaining('HTTP 404') });
    expect(server.requested.filter((path) => path === '/missing.pdf')).toHaveLength(1);
  });
});
