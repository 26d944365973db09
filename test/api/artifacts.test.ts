import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { deterministicBytes } from '../../agents/echo';
import type { Schemas, TaskwrightClient, operations } from '../../client';
import { downloadUrlSignerFor } from '../../lib/signing/url-secrets';
import { expectProblemAnswer, typedClient, waitForTaskRecord } from '../support/client';
import { eventually } from '../support/eventually';
import { expectProblem } from '../support/problem';
import { type TestStack, reachableSignedUrl, startStack } from '../support/stack';
import { expectTamperingRefused } from '../support/signed-urls';

let stack: TestStack;
let api: TaskwrightClient;
beforeAll(async () => {
  stack = await startStack();
  api = typedClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

type ArtifactBody = Schemas['Artifact'];
const onArtifact = (id: string) => ({ params: { path: { id } } });

async function runTask(input: Record<string, unknown>, until = 'complete') {
  const created = await api.POST('/v1/tasks', { body: { agent: 'echo', input } });
  expect(created.response.status).toBe(202);
  const { task_id } = created.data!;
  await waitForTaskRecord(api, task_id, (task) => task.status === until);
  return task_id;
}

async function artifactsOf(taskId: string, apiKey?: string): Promise<ArtifactBody[]> {
  const { data, response } = await typedClient(stack, apiKey).GET('/v1/artifacts', { params: { query: { task_id: taskId } } });
  expect(response.status).toBe(200);
  return data!.artifacts;
}

const reachable = (signedUrl: string) => reachableSignedUrl(stack, signedUrl, 'artifacts');

const fileOf = async (taskId: string) => (await artifactsOf(taskId)).find((artifact) => artifact.type === 'echo.file')!;
const artifactDir = (artifact: ArtifactBody) => path.join(stack.config.artifactDir, stack.admin.tenantId, artifact.task_id, artifact.artifact_id);
/** The one stored write of an artifact's content. */
const storedPath = (artifact: ArtifactBody) => {
  const writes = fs.readdirSync(artifactDir(artifact));
  expect(writes).toHaveLength(1);
  return path.join(artifactDir(artifact), writes[0]!);
};

describe('file artifacts', () => {
  const size = 5 * 1024 * 1024 + 3;
  let taskId: string;
  let file: ArtifactBody;
  beforeAll(async () => {
    taskId = await runTask({ emit_file: { display_name: 'audit report.bin', mime_type: 'application/octet-stream', size_bytes: size } });
    file = await fileOf(taskId);
  });

  it('round-trips several MiB: written in the activity, downloaded through the signed URL, bytes and hash identical', async () => {
    const expected = await buffer(deterministicBytes(taskId, size));
    const sha256 = createHash('sha256').update(expected).digest('hex');
    expect(file).toMatchObject({ display_name: 'audit report.bin', size_bytes: size, sha256, approval_status: 'not_required' });
    expect(file).not.toHaveProperty('storage_path');

    const fresh = (await api.GET('/v1/artifacts/{id}', onArtifact(file.artifact_id))).data!;
    const download = await fetch(reachable(fresh.signed_url!));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(download.headers.get('content-length')).toBe(String(size));
    expect(download.headers.get('etag')).toBe(`"${sha256}"`);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="audit report.bin"; filename*=UTF-8''audit%20report.bin`);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.equals(expected)).toBe(true);
  });

  it('serves byte ranges', async () => {
    const expected = await buffer(deterministicBytes(taskId, size));
    const ranged = await fetch(reachable(file.signed_url!), { headers: { range: 'bytes=1000-1999' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 1000-1999/${size}`);
    expect(Buffer.from(await ranged.arrayBuffer()).equals(expected.subarray(1000, 2000))).toBe(true);
    const suffix = await fetch(reachable(file.signed_url!), { headers: { range: 'bytes=-10' } });
    expect(Buffer.from(await suffix.arrayBuffer()).equals(expected.subarray(size - 10))).toBe(true);
    const beyond = await fetch(reachable(file.signed_url!), { headers: { range: `bytes=${size}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${size}`);
  });

  it('reads the whole content to check its hash once, not on every request', async () => {
    const other = await runTask({ emit_file: { display_name: 'ranged.bin', mime_type: 'application/octet-stream', size_bytes: 4096 } });
    const url = reachable((await fileOf(other)).signed_url!);
    const reads = jest.spyOn(stack.storage, 'read');
    try {
      expect((await fetch(url)).status).toBe(200);
      for (let i = 0; i < 3; i++) expect((await fetch(url, { headers: { range: 'bytes=0-0' } })).status).toBe(206);
      const wholeReads = reads.mock.calls.filter(([, range]) => range === undefined);
      // One read to check the hash and one to serve the first download; the ranged ones read one byte each.
      expect(wholeReads).toHaveLength(2);
      expect(reads.mock.calls.filter(([, range]) => range !== undefined)).toEqual(Array(3).fill([expect.any(String), { start: 0, end: 0 }]));
    } finally {
      reads.mockRestore();
    }
  });

  it('answers 403 to tampered, expired, cross-artifact and cross-tenant URLs', async () => {
    const url = reachable(file.signed_url!);
    await expectTamperingRefused(url);
    const otherArtifact = new URL(url);
    const echoResult = (await artifactsOf(taskId)).find((artifact) => artifact.type === 'echo.result')!;
    otherArtifact.pathname = `/files/artifacts/${echoResult.artifact_id}`;
    await expectProblem(await fetch(otherArtifact), 403, 'signed_url_invalid');
    const otherTenant = new URL(url);
    otherTenant.searchParams.set('tenant', (await stack.newTenant()).tenantId);
    await expectProblem(await fetch(otherTenant), 403, 'signed_url_invalid');

    const signer = downloadUrlSignerFor(stack.config);
    const old = signer.sign({ kind: 'artifact', id: file.artifact_id, tenantId: stack.admin.tenantId }, new Date(Date.now() - 3_600_000));
    await expectProblem(await fetch(new URL(old.path, stack.baseUrl)), 403, 'signed_url_expired');
  });

  it('refuses to serve content whose hash no longer matches, naming the artifact', async () => {
    const other = await runTask({ emit_file: { display_name: 'small.csv', mime_type: 'text/csv', size_bytes: 64 } });
    const artifact = await fileOf(other);
    const head = await fetch(reachable(artifact.signed_url!), { method: 'HEAD' });
    // The agent's MIME type exactly (no charset added), and no sniffing.
    expect(head.headers.get('content-type')).toBe('text/csv');
    expect(head.headers.get('x-content-type-options')).toBe('nosniff');
    expect(head.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(head.headers.get('content-disposition')).toMatch(/^attachment;/);
    fs.writeFileSync(storedPath(artifact), Buffer.alloc(64, 1));
    const response = await fetch(reachable(artifact.signed_url!));
    const problem = await expectProblem(response, 500, 'artifact_integrity_error', { artifact_id: artifact.artifact_id });
    expect(problem.detail).toContain(artifact.artifact_id);
  });
});

describe('artifact listing and deletion', () => {
  it('filters by task, workflow, run, type and approval status, with cursor paging', async () => {
    const taskId = await runTask({ message: 'one', emit_file: { display_name: 'f.csv', mime_type: 'text/csv', size_bytes: 10 } });
    const all = await artifactsOf(taskId);
    expect(all.map((artifact) => artifact.type).sort()).toEqual(['echo.file', 'echo.result']);
    const [first] = all;
    type Filters = operations['listArtifacts']['parameters']['query'];
    const query = async (filters: Filters) => (await api.GET('/v1/artifacts', { params: { query: filters } })).data!;
    expect((await query({ task_id: taskId, type: 'echo.result' })).artifacts).toHaveLength(1);
    expect((await query({ workflow_id: taskId })).artifacts).toHaveLength(2);
    expect((await query({ run_id: first!.run_id })).artifacts).toHaveLength(2);
    expect((await query({ task_id: taskId, approval_status: 'pending' })).artifacts).toHaveLength(0);
    const page1 = await query({ task_id: taskId, limit: 1 });
    const page2 = await query({ task_id: taskId, limit: 1, cursor: page1.next_cursor! });
    expect([...page1.artifacts, ...page2.artifacts].map((artifact) => artifact.artifact_id).sort()).toEqual(all.map((artifact) => artifact.artifact_id).sort());
    expect(page2.next_cursor).toBeNull();
    // Malformed on purpose, so not through the typed client.
    await expectProblem(await stack.request('/v1/artifacts?approval_status=maybe'), 400, 'validation_failed');
    const nulCursor = Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', 'a\u0000b'])).toString('base64url');
    await expectProblem(await stack.request(`/v1/artifacts?cursor=${nulCursor}`), 400, 'validation_failed');
  });

  it('deletes row and content of a finished task\'s artifact; 409 while the task is unfinished', async () => {
    const waiting = await runTask({ require_approval: true, emit_file: { display_name: 'w.bin', size_bytes: 8 } }, 'awaiting_approval');
    const pendingFile = await fileOf(waiting);
    const refused = await api.DELETE('/v1/artifacts/{id}', onArtifact(pendingFile.artifact_id));
    expectProblemAnswer(refused, 409, 'task_not_finished', { current_status: 'awaiting_approval' });

    const done = await runTask({ emit_file: { display_name: 'd.bin', size_bytes: 8 } });
    const file = await fileOf(done);
    expect(fs.existsSync(storedPath(file))).toBe(true);
    const deleted = await api.DELETE('/v1/artifacts/{id}', onArtifact(file.artifact_id));
    expect(deleted.data).toEqual({ deleted: true, artifact_id: file.artifact_id });
    expect(fs.existsSync(artifactDir(file))).toBe(false);
    expectProblemAnswer(await api.GET('/v1/artifacts/{id}', onArtifact(file.artifact_id)), 404, 'not_found');
    await api.POST('/v1/tasks/{id}/cancel', onArtifact(waiting));
  });

  it('discards the files of a cancelled task', async () => {
    const taskId = await runTask({ require_approval: true, emit_file: { display_name: 'c.bin', size_bytes: 8 } }, 'awaiting_approval');
    const file = await fileOf(taskId);
    await api.POST('/v1/tasks/{id}/cancel', onArtifact(taskId));
    await waitForTaskRecord(api, taskId, (task) => task.status === 'cancelled');
    expect(await artifactsOf(taskId)).toEqual([]);
    // The content goes right after the rows, in the same activity.
    await eventually(() => (fs.existsSync(artifactDir(file)) ? undefined : true), 'the cancelled task\'s content to be removed');
  });

  it('keeps tenant B away from tenant A\'s artifacts: list, read, sign, decide and delete', async () => {
    const taskId = await runTask({ emit_file: { display_name: 'a.bin', size_bytes: 8 } });
    const file = await fileOf(taskId);
    const other = await stack.newTenant();
    const otherApi = typedClient(stack, other.apiKey);
    expect(await artifactsOf(taskId, other.apiKey)).toEqual([]);
    expect((await otherApi.GET('/v1/artifacts')).data!.artifacts).toEqual([]);
    expectProblemAnswer(await otherApi.GET('/v1/artifacts/{id}', onArtifact(file.artifact_id)), 404, 'not_found');
    expectProblemAnswer(await otherApi.DELETE('/v1/artifacts/{id}', onArtifact(file.artifact_id)), 404, 'not_found');
    expectProblemAnswer(await otherApi.POST('/v1/artifacts/{id}/approve', { ...onArtifact(file.artifact_id), body: {} }), 404, 'not_found');
    expectProblemAnswer(await otherApi.GET('/v1/tasks/{id}/artifacts', onArtifact(taskId)), 404, 'not_found');
    expect(fs.existsSync(storedPath(file))).toBe(true);
  });
});

describe('approval-gated artifacts', () => {
  const draft = { to: 'alex.kim@acme.com', subject: 'AI Readiness tooling for ACME', body: 'Hello Alex' };
  const outboxFor = (key: string) => stack.db.outboxMessage.findMany({ where: { idempotencyKey: key } });

  it('holds a draft as pending until approved, then sends it exactly once, even when approved twice', async () => {
    const taskId = await runTask({ emit_draft: draft }, 'awaiting_approval');
    const drafted = (await artifactsOf(taskId)).find((artifact) => artifact.type === 'echo.email_draft')!;
    expect(drafted).toMatchObject({ approval_status: 'pending', data: draft });
    expect(await outboxFor(drafted.artifact_id)).toEqual([]);

    const approved = await api.POST('/v1/artifacts/{id}/approve', { ...onArtifact(drafted.artifact_id), body: { comment: 'Send it' } });
    expect(approved.response.status).toBe(200);
    expect(approved.data).toMatchObject({ artifact_id: drafted.artifact_id, approval_status: 'approved' });
    const twice = await api.POST('/v1/artifacts/{id}/approve', { ...onArtifact(drafted.artifact_id), body: {} });
    expectProblemAnswer(twice, 409, 'approval_not_pending');

    await waitForTaskRecord(api, taskId, (task) => task.status === 'complete');
    expect(await outboxFor(drafted.artifact_id)).toEqual([expect.objectContaining({ to: draft.to, subject: draft.subject, body: draft.body })]);
    expect((await stack.db.artifact.findUniqueOrThrow({ where: { id: drafted.artifact_id } })).effectAppliedAt).toBeInstanceOf(Date);
  });

  it('never sends a rejected draft', async () => {
    const taskId = await runTask({ emit_draft: draft }, 'awaiting_approval');
    const drafted = (await artifactsOf(taskId)).find((artifact) => artifact.type === 'echo.email_draft')!;
    const rejected = await api.POST('/v1/artifacts/{id}/reject', { ...onArtifact(drafted.artifact_id), body: { comment: 'Wrong tone' } });
    expect(rejected.data).toMatchObject({ approval_status: 'rejected' });
    await waitForTaskRecord(api, taskId, (task) => task.status === 'complete');
    expect(await outboxFor(drafted.artifact_id)).toEqual([]);
    expect((await stack.db.artifact.findUniqueOrThrow({ where: { id: drafted.artifact_id } })).effectAppliedAt).toBeNull();
  });
});
