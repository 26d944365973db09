import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { downloadUrlSignerFor } from '../../lib/signing/url-secrets';
import { eventually } from '../support/eventually';
import { expectProblem } from '../support/problem';
import { type TestStack, type TestTenant, reachableSignedUrl, startStack } from '../support/stack';
import { expectTamperingRefused } from '../support/signed-urls';

const MAX_BYTES = 6 * 1024 * 1024;

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ worker: false, env: { FILE_MAX_BYTES: String(MAX_BYTES) } });
});
afterAll(async () => {
  await stack?.stop();
});

interface FileBody {
  file_id: string;
  tenant_id: string;
  name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  purpose: string | null;
  created_at: string;
  signed_url: string;
  signed_url_expires_at: string;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function uploadForm(bytes: Buffer, name: string, type: string, fields: Record<string, string> = {}, fieldsFirst = true) {
  const form = new FormData();
  if (fieldsFirst) for (const [field, value] of Object.entries(fields)) form.append(field, value);
  form.append('file', new Blob([bytes], { type }), name);
  if (!fieldsFirst) for (const [field, value] of Object.entries(fields)) form.append(field, value);
  return form;
}

const uploadMultipart = (form: FormData, apiKey?: string, query = '') => stack.request(`/v1/files${query}`, { method: 'POST', body: form, apiKey });
const uploadRaw = (bytes: Buffer | ReadableStream, query: string, type?: string, apiKey?: string) =>
  stack.request(`/v1/files?${query}`, {
    method: 'POST',
    body: bytes,
    apiKey,
    headers: type ? { 'content-type': type } : {},
    ...(bytes instanceof ReadableStream && { duplex: 'half' }),
  } as RequestInit);

async function created(response: Response): Promise<FileBody> {
  expect(response.status).toBe(201);
  const body = (await response.json()) as FileBody;
  expect(response.headers.get('location')).toBe(`/v1/files/${body.file_id}`);
  return body;
}

const reachable = (signedUrl: string) => reachableSignedUrl(stack, signedUrl, 'uploads');

const storedFiles = (tenant: TestTenant) => {
  const directory = path.join(stack.config.artifactDir, tenant.tenantId, 'files');
  return fs.existsSync(directory) ? fs.readdirSync(directory) : [];
};

describe('uploads', () => {
  let tenant: TestTenant;
  beforeAll(async () => {
    tenant = await stack.newTenant();
  });

  it('round-trips several MiB of multipart upload through the signed URL: bytes and sha256 identical', async () => {
    const bytes = randomBytes(5 * 1024 * 1024 + 7);
    const file = await created(await uploadMultipart(uploadForm(bytes, 'model card.pdf', 'application/pdf', { purpose: 'evidence' }, false), tenant.apiKey));
    expect(file).toMatchObject({
      file_id: expect.stringMatching(/^file_[0-9A-HJKMNP-TV-Z]{26}$/),
      tenant_id: tenant.tenantId,
      name: 'model card.pdf',
      mime_type: 'application/pdf',
      size_bytes: bytes.length,
      sha256: sha256(bytes),
      purpose: 'evidence',
    });
    expect(file).not.toHaveProperty('storage_path');

    const fresh = (await (await stack.request(`/v1/files/${file.file_id}`, { apiKey: tenant.apiKey })).json()) as FileBody;
    expect(fresh).toMatchObject({ file_id: file.file_id, sha256: file.sha256 });
    expect(new Date(fresh.signed_url_expires_at).getTime() - Date.now()).toBeGreaterThan(14 * 60 * 1000);
    const download = await fetch(reachable(fresh.signed_url));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('etag')).toBe(`"${sha256(bytes)}"`);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="model card.pdf"; filename*=UTF-8''model%20card.pdf`);
    const downloaded = Buffer.from(await download.arrayBuffer());
    expect(sha256(downloaded)).toBe(sha256(bytes));
    expect(downloaded.equals(bytes)).toBe(true);

    const ranged = await fetch(reachable(fresh.signed_url), { headers: { range: 'bytes=10-19' } });
    expect(ranged.status).toBe(206);
    expect(Buffer.from(await ranged.arrayBuffer()).equals(bytes.subarray(10, 20))).toBe(true);
  });

  it('takes a raw body with ?name= and ?purpose=, the type from Content-Type', async () => {
    const bytes = Buffer.from('# Security policy\n\nReport issues to security@example.com.\n');
    const file = await created(await uploadRaw(bytes, 'name=SECURITY.md&purpose=evidence', 'text/markdown; charset=utf-8', tenant.apiKey));
    expect(file).toMatchObject({ name: 'SECURITY.md', mime_type: 'text/markdown', size_bytes: bytes.length, sha256: sha256(bytes), purpose: 'evidence' });
    const download = await fetch(reachable(file.signed_url));
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);

    const untyped = await created(await uploadRaw(Buffer.from([0, 1, 2]), 'name=blob.bin', undefined, tenant.apiKey));
    expect(untyped).toMatchObject({ mime_type: 'application/octet-stream', purpose: null, size_bytes: 3 });
  });

  it('answers 400 naming what is missing or wrong, and stores nothing', async () => {
    const before = storedFiles(tenant).length;
    await expectProblem(await uploadRaw(Buffer.from('x'), 'purpose=evidence', 'text/plain', tenant.apiKey), 400, 'validation_failed', {
      errors: [expect.objectContaining({ field: 'name', in: 'query' })],
    });
    const noFile = new FormData();
    noFile.append('purpose', 'evidence');
    await expectProblem(await uploadMultipart(noFile, tenant.apiKey), 400, 'validation_failed', { errors: [expect.objectContaining({ field: 'file' })] });
    const badPurpose = await expectProblem(await uploadMultipart(uploadForm(Buffer.from('x'), 'a.txt', 'text/plain', { purpose: 'no spaces please' }), tenant.apiKey), 400);
    expect(badPurpose.errors?.map((error) => error.field)).toEqual(['purpose']);
    const extra = await expectProblem(await uploadMultipart(uploadForm(Buffer.from('x'), 'a.txt', 'text/plain', { colour: 'blue' }, false), tenant.apiKey), 400);
    expect(extra.errors?.map((error) => error.field)).toEqual(['colour']);
    // A part with an empty name is still named in the problem (schemathesis found it unnamed).
    const unnamed = await expectProblem(await uploadMultipart(uploadForm(Buffer.from('x'), 'a.txt', 'text/plain', { '': 'null' }, false), tenant.apiKey), 400);
    expect(unnamed.errors).toEqual([{ field: '(a part without a name)', in: 'body', message: expect.any(String) }]);
    const badName = await expectProblem(await uploadRaw(Buffer.from('x'), `name=${encodeURIComponent('../etc/passwd')}`, 'text/plain', tenant.apiKey), 400);
    expect(badName.errors?.map((error) => error.field)).toEqual(['name']);
    await expectProblem(
      await stack.request('/v1/files', { method: 'POST', body: 'x', apiKey: tenant.apiKey, headers: { 'content-type': 'multipart/form-data' } }),
      400,
      'malformed_multipart',
    );
    expect(storedFiles(tenant).length).toBe(before);
  });

  it('answers 413 beyond FILE_MAX_BYTES, multipart or raw, declared or streamed, leaving nothing stored', async () => {
    const other = await stack.newTenant();
    const tooLarge = randomBytes(MAX_BYTES + 1);
    await expectProblem(await uploadMultipart(uploadForm(tooLarge, 'big.zip', 'application/zip'), other.apiKey), 413, 'payload_too_large', { max_bytes: MAX_BYTES });
    await expectProblem(await uploadRaw(tooLarge, 'name=big.zip', 'application/zip', other.apiKey), 413, 'payload_too_large');
    // Chunked: no Content-Length to refuse up front, so only counting catches it.
    const chunks = Array.from({ length: 8 }, () => randomBytes(1024 * 1024));
    const streamed = new ReadableStream({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
    });
    await expectProblem(await uploadRaw(streamed, 'name=big.zip', 'application/zip', other.apiKey), 413, 'payload_too_large');

    expect(storedFiles(other)).toEqual([]);
    expect(await stack.db.file.count({ where: { tenantId: other.tenantId } })).toBe(0);
    // Exactly the limit is fine.
    const atLimit = await created(await uploadRaw(randomBytes(MAX_BYTES), 'name=limit.bin', 'application/octet-stream', other.apiKey));
    expect(atLimit.size_bytes).toBe(MAX_BYTES);
  });

  it.each([
    ['raw', 'application/pdf', '?name=partial.pdf', Buffer.alloc(0)],
    [
      'multipart',
      'multipart/form-data; boundary=XyZ',
      '',
      Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="file"; filename="partial.pdf"\r\nContent-Type: application/pdf\r\n\r\n'),
    ],
  ])('streams a %s upload to disk as it arrives, and keeps nothing of one that breaks off', async (_kind, type, query, head) => {
    const other = await stack.newTenant();
    const request = http.request(new URL(`/v1/files${query}`, stack.baseUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${other.apiKey}`, 'content-type': type, 'content-length': String(head.length + 4 * 1024 * 1024) },
    });
    request.on('error', () => {});
    request.write(head);
    request.write(randomBytes(2 * 1024 * 1024));
    // Half of it is on disk, under a temporary name, before the client has sent the rest.
    await eventually(() => (storedFiles(other).some((name) => name.endsWith('.partial')) ? true : undefined), 'the upload to reach the disk');
    request.destroy();
    await eventually(() => (storedFiles(other).length === 0 ? true : undefined), 'the partial upload to be removed');
    expect(await stack.db.file.count({ where: { tenantId: other.tenantId } })).toBe(0);
  });
});

describe('listing, reading, deleting', () => {
  let tenant: TestTenant;
  const ids: Record<string, string> = {};
  /** Names, newest first as the API orders them: by creation time, ties by ID. */
  let newestFirst: string[];
  beforeAll(async () => {
    tenant = await stack.newTenant();
    const uploaded: FileBody[] = [];
    for (const [name, purpose] of [['a.md', 'evidence'], ['b.csv', 'questionnaire'], ['c.md', 'evidence'], ['d.txt', undefined]] as const) {
      const query = `name=${name}${purpose ? `&purpose=${purpose}` : ''}`;
      uploaded.push(await created(await uploadRaw(Buffer.from(name), query, 'text/plain', tenant.apiKey)));
    }
    for (const file of uploaded) ids[file.name] = file.file_id;
    newestFirst = uploaded
      .sort((a, b) => b.created_at.localeCompare(a.created_at) || (b.file_id < a.file_id ? -1 : 1))
      .map((file) => file.name);
  });

  const list = async (query: string, apiKey = tenant.apiKey) => {
    const response = await stack.request(`/v1/files?${query}`, { apiKey });
    expect(response.status).toBe(200);
    return (await response.json()) as { files: FileBody[]; next_cursor: string | null };
  };

  it('lists newest first, filtered by purpose, in cursor pages that neither repeat nor skip', async () => {
    expect((await list('')).files.map((file) => file.name)).toEqual(newestFirst);
    expect((await list('purpose=evidence')).files.map((file) => file.name)).toEqual(newestFirst.filter((name) => name.endsWith('.md')));
    const first = await list('limit=3');
    expect(first.files.map((file) => file.name)).toEqual(newestFirst.slice(0, 3));
    expect(first.files.every((file) => file.signed_url.includes('/files/uploads/'))).toBe(true);
    const second = await list(`limit=3&cursor=${first.next_cursor}`);
    expect(second).toMatchObject({ files: [expect.objectContaining({ name: newestFirst[3] })], next_cursor: null });
    await expectProblem(await stack.request('/v1/files?cursor=nope', { apiKey: tenant.apiKey }), 400, 'validation_failed');
    await expectProblem(await stack.request('/v1/files?limit=0', { apiKey: tenant.apiKey }), 400, 'validation_failed');
  });

  it("keeps tenants apart: another tenant's file is 404 to list, read and delete, and its signed URL opens nothing else", async () => {
    const other = await stack.newTenant();
    expect((await list('', other.apiKey)).files).toEqual([]);
    await expectProblem(await stack.request(`/v1/files/${ids['a.md']}`, { apiKey: other.apiKey }), 404, 'not_found');
    await expectProblem(await stack.request(`/v1/files/${ids['a.md']}`, { method: 'DELETE', apiKey: other.apiKey }), 404, 'not_found');

    const file = (await (await stack.request(`/v1/files/${ids['a.md']}`, { apiKey: tenant.apiKey })).json()) as FileBody;
    const url = reachable(file.signed_url);
    const otherTenant = new URL(url);
    otherTenant.searchParams.set('tenant', other.tenantId);
    await expectProblem(await fetch(otherTenant), 403, 'signed_url_invalid');
    const otherFile = new URL(url);
    otherFile.pathname = `/files/uploads/${ids['b.csv']}`;
    await expectProblem(await fetch(otherFile), 403, 'signed_url_invalid');
    // A file's signature is no artifact's.
    const asArtifact = new URL(url);
    asArtifact.pathname = `/files/artifacts/${ids['a.md']}`;
    await expectProblem(await fetch(asArtifact), 403, 'signed_url_invalid');
  });

  it('answers 403 to a tampered or expired signed URL', async () => {
    const file = (await (await stack.request(`/v1/files/${ids['b.csv']}`, { apiKey: tenant.apiKey })).json()) as FileBody;
    const url = reachable(file.signed_url);
    await expectTamperingRefused(url);
    const old = downloadUrlSignerFor(stack.config).sign({ kind: 'file', id: file.file_id, tenantId: tenant.tenantId }, new Date(Date.now() - 3_600_000));
    await expectProblem(await fetch(new URL(old.path, stack.baseUrl)), 403, 'signed_url_expired');
  });

  it('deletes content, then row; the signed URL then finds nothing', async () => {
    const file = (await (await stack.request(`/v1/files/${ids['d.txt']}`, { apiKey: tenant.apiKey })).json()) as FileBody;
    expect(storedFiles(tenant)).toContain(file.file_id);
    const deleted = await stack.request(`/v1/files/${file.file_id}`, { method: 'DELETE', apiKey: tenant.apiKey });
    expect(await deleted.json()).toEqual({ deleted: true, file_id: file.file_id });
    expect(storedFiles(tenant)).not.toContain(file.file_id);
    await expectProblem(await stack.request(`/v1/files/${file.file_id}`, { apiKey: tenant.apiKey }), 404, 'not_found');
    await expectProblem(await fetch(reachable(file.signed_url)), 404, 'not_found');
    await expectProblem(await stack.request(`/v1/files/${file.file_id}`, { method: 'PUT', apiKey: tenant.apiKey, json: {} }), 405);
  });
});
