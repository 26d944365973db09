import http from 'node:http';
import { type TestStack, startStack } from '../support/stack';
import { type Problem, expectProblem } from '../support/problem';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});


const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_BODY_BYTES = 1_048_576;

/** Asserts `response` is an RFC 9457 problem with this status (and code) and returns it. */
interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request fetch() cannot make: exact headers, chunked or lying bodies. */
function rawRequest(
  method: string,
  path: string,
  headers: Record<string, string>,
  write: (request: http.ClientRequest) => void,
): Promise<RawResponse> {
  const url = new URL(stack.baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: url.hostname, port: url.port, method, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    write(request);
  });
}

const auth = () => ({ authorization: `Bearer ${stack.admin.apiKey}` });

describe('unknown routes and methods', () => {
  it('answers 404 problem+json for an unknown route with a valid key', async () => {
    const problem = await expectProblem(await stack.request('/v1/nope'), 404, 'not_found');
    expect(problem.instance).toBe('/v1/nope');
    await expectProblem(await stack.request('/v1/tasks/task_x/nope', { method: 'POST' }), 404, 'not_found');
    await expectProblem(await stack.request('/nope', { apiKey: null }), 404, 'not_found');
  });

  it.each([
    ['PUT', '/v1/tasks', ['GET', 'HEAD', 'POST']],
    ['DELETE', '/v1/tasks', ['GET', 'HEAD', 'POST']],
    ['PUT', '/v1/agents', ['GET', 'HEAD', 'POST']],
    ['POST', '/v1/agents/echo', ['DELETE', 'GET', 'HEAD', 'PATCH']],
    ['PATCH', '/v1/tasks/task_x', ['DELETE', 'GET', 'HEAD', 'PUT']],
    ['GET', '/v1/tasks/task_x/process', ['POST']],
    ['GET', '/v1/approvals/apr_x/approve', ['POST']],
    ['GET', '/v1/tasks/task_x/cancel', ['POST']],
    ['PUT', '/v1/api-keys', ['GET', 'HEAD', 'POST']],
    ['PATCH', '/v1/api-keys/key_x', ['DELETE']],
    ['GET', '/v1/tenants', ['POST']],
    ['POST', '/healthz', ['GET', 'HEAD']],
    ['DELETE', '/readyz', ['GET', 'HEAD']],
  ])('answers 405 with an Allow header for %s %s', async (method, path, allowed) => {
    const response = await stack.request(path, { method, ...(method === 'GET' ? {} : { json: {} }) });
    await expectProblem(response, 405, 'method_not_allowed');
    const allow = (response.headers.get('allow') ?? '').split(',').map((item) => item.trim()).filter(Boolean);
    expect(allow.sort()).toEqual(allowed);
  });
});

describe('request bodies', () => {
  it('answers 400 malformed_json for a body that is not JSON', async () => {
    for (const body of ['{"agent": "echo",', '{agent: echo}', 'null', '"a string"']) {
      const response = await stack.request('/v1/tasks', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
      await expectProblem(response, 400, 'malformed_json');
    }
  });

  it('answers 413 for a body over MAX_BODY_BYTES (1 MiB by default) and accepts one under it', async () => {
    const over = JSON.stringify({ agent: 'echo', task_type: 'echo', input: { message: 'x'.repeat(MAX_BODY_BYTES) } });
    await expectProblem(await stack.request('/v1/tasks', { method: 'POST', body: over, headers: { 'content-type': 'application/json' } }), 413, 'payload_too_large');

    // Just under the limit the body is read and judged on its content (an unknown field here).
    const under = JSON.stringify({ agent: 'echo', task_type: 'echo', padding: 'x'.repeat(MAX_BODY_BYTES - 100) });
    expect(Buffer.byteLength(under)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    const problem = await expectProblem(await stack.request('/v1/tasks', { method: 'POST', body: under, headers: { 'content-type': 'application/json' } }), 400, 'validation_failed');
    expect(problem.errors?.map((error) => error.field)).toContain('');
  });

  it('answers 413 for a chunked body that grows over the limit', async () => {
    const response = await rawRequest('POST', '/v1/tasks', { ...auth(), 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, (request) => {
      request.write('{"agent":"echo","task_type":"echo","input":{"message":"');
      for (let i = 0; i < 5; i++) request.write('x'.repeat(256 * 1024));
      request.end('"}}');
    });
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(response.body)).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('answers 415 for a body that is not JSON by Content-Type', async () => {
    const json = JSON.stringify({ agent: 'echo', task_type: 'echo' });
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await stack.request('/v1/tasks', { method: 'POST', body: json, headers: { 'content-type': contentType } });
      const problem = await expectProblem(response, 415, 'unsupported_media_type');
      expect(problem.detail).toContain(contentType.split(';')[0]);
    }
    // A body with no Content-Type at all is not JSON either.
    const untyped = await rawRequest('POST', '/v1/tasks', { ...auth(), 'content-length': String(Buffer.byteLength(json)) }, (request) => request.end(json));
    expect(untyped.status).toBe(415);
    // JSON in a charset JSON does not use.
    const latin1 = await stack.request('/v1/tasks', { method: 'POST', body: json, headers: { 'content-type': 'application/json; charset=latin1' } });
    await expectProblem(latin1, 415, 'unsupported_media_type');
  });

  it('accepts application/*+json and JSON with a utf-8 charset', async () => {
    // A structurally valid body with an unknown agent: a 400 from validation shows the body was parsed.
    const body = JSON.stringify({ agent: 'not-an-agent', task_type: 'echo' });
    for (const contentType of ['application/json; charset=utf-8', 'application/merge-patch+json']) {
      const problem = await expectProblem(await stack.request('/v1/tasks', { method: 'POST', body, headers: { 'content-type': contentType } }), 400, 'validation_failed');
      expect(problem.errors?.map((error) => error.field)).toEqual(['agent']);
    }
  });

  it('names every bad field in a 400', async () => {
    const response = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', priority: 'urgent', task_type: '' } });
    const problem = await expectProblem(response, 400, 'validation_failed');
    expect(problem.errors?.map((error) => error.field).sort()).toEqual(['priority', 'task_type']);
    for (const error of problem.errors ?? []) {
      expect(error).toMatchObject({ in: 'body', message: expect.any(String) });
      expect(error.message.length).toBeGreaterThan(0);
    }
    expect(problem.detail).toContain('priority');
    expect(problem.detail).toContain('task_type');

    const nested = await stack.request('/v1/tasks', {
      method: 'POST',
      json: { agent: 'echo', task_type: 'echo', owner_email: 'not-an-email', skills: ['ok', ''] },
    });
    const nestedProblem = await expectProblem(nested, 400, 'validation_failed');
    expect(nestedProblem.errors?.map((error) => error.field).sort()).toEqual(['owner_email', 'skills.1']);
  });

  it('names a bad header and a bad query parameter', async () => {
    const header = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', task_type: 'echo' }, headers: { 'idempotency-key': 'x'.repeat(256) } });
    const headerProblem = await expectProblem(header, 400, 'validation_failed');
    expect(headerProblem.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key', in: 'header' })]);

    const query = await stack.request('/v1/tasks/task_x?consistency=perfect');
    const queryProblem = await expectProblem(query, 400, 'validation_failed');
    expect(queryProblem.errors).toEqual([expect.objectContaining({ field: 'consistency', in: 'query' })]);
  });
});

describe('X-Request-Id', () => {
  it('generates one when the client sends none, on success and on error', async () => {
    const ok = await stack.request('/healthz', { apiKey: null });
    expect(ok.status).toBe(200);
    const first = ok.headers.get('x-request-id');
    expect(first).toMatch(UUID);

    const notFound = await stack.request('/v1/tasks/task_x');
    const problem = await expectProblem(notFound, 404);
    expect(problem.request_id).toMatch(UUID);
    expect(problem.request_id).not.toBe(first);
  });

  it('echoes a sane client X-Request-Id on success and error responses, and in the problem', async () => {
    const id = `client-req_${Date.now()}.1:a`;
    const ok = await stack.request('/healthz', { apiKey: null, headers: { 'x-request-id': id } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-request-id')).toBe(id);

    const created = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', task_type: 'echo' }, headers: { 'x-request-id': id } });
    expect(created.status).toBe(202);
    expect(created.headers.get('x-request-id')).toBe(id);

    const unauthorized = await expectProblem(await stack.request('/v1/tasks/task_x', { apiKey: null, headers: { 'x-request-id': id } }), 401);
    expect(unauthorized.request_id).toBe(id);
    const invalid = await expectProblem(await stack.request('/v1/tasks', { method: 'POST', json: {}, headers: { 'x-request-id': id } }), 400);
    expect(invalid.request_id).toBe(id);
    const malformed = await expectProblem(
      await stack.request('/v1/tasks', { method: 'POST', body: '{', headers: { 'x-request-id': id, 'content-type': 'application/json' } }),
      400,
      'malformed_json',
    );
    expect(malformed.request_id).toBe(id);
  });

  it.each([
    ['with spaces', 'two words'],
    ['too long', 'a'.repeat(129)],
    ['with markup', '<script>'],
  ])('replaces an X-Request-Id that is not sane (%s)', async (_label, given) => {
    const response = await stack.request('/v1/tasks/task_x', { headers: { 'x-request-id': given } });
    const problem = await expectProblem(response, 404);
    expect(problem.request_id).toMatch(UUID);
    expect(response.headers.get('x-request-id')).not.toBe(given);
  });
});

describe('health', () => {
  it('answers /healthz 200 without authentication', async () => {
    const response = await stack.request('/healthz', { apiKey: null });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz 200 with the database and Temporal checked', async () => {
    const response = await stack.request('/readyz', { apiKey: null });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready', checks: { database: { ok: true }, temporal: { ok: true } } });
  });
});

describe('bad input is never a 500', () => {
  it('answers 400 for a path with broken percent-encoding', async () => {
    for (const path of ['/v1/tasks/%E0%A4%A', '/v1/tasks/%', '/v1/api-keys/%zz']) {
      const response = await stack.request(path, { method: path.startsWith('/v1/api-keys') ? 'DELETE' : 'GET' });
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      await expectProblem(response, 400);
    }
  });

  it('answers 400 for a compressed body that does not decompress', async () => {
    const garbage = Buffer.from('this is not gzip');
    const response = await rawRequest(
      'POST',
      '/v1/tasks',
      { ...auth(), 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(garbage.length) },
      (request) => request.end(garbage),
    );
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('answers 415 for an unknown Content-Encoding', async () => {
    const body = JSON.stringify({ agent: 'echo', task_type: 'echo' });
    const response = await rawRequest(
      'POST',
      '/v1/tasks',
      { ...auth(), 'content-type': 'application/json', 'content-encoding': 'x-unknown', 'content-length': String(Buffer.byteLength(body)) },
      (request) => request.end(body),
    );
    expect(response.status).toBe(415);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'unsupported_media_type' });
  });

  it.each([
    ['an array body', [], ['']],
    ['a NUL character in a text field', { agent: 'echo', task_type: 'echo', title: 'a\u0000b' }, ['title']],
    ['a NUL character in the input', { agent: 'echo', task_type: 'echo', input: { message: 'a\u0000b' } }, ['input.message']],
    ['a NUL character in the session id', { agent: 'echo', task_type: 'echo', session_id: '\u0000' }, ['session_id']],
    ['a huge number', { agent: 'echo', task_type: 'echo', input: { sleep_ms: 1e308 } }, ['input.sleep_ms']],
    ['a wrong type everywhere', { agent: 1, task_type: [], input: 'x', priority: null, skills: 'a' }, ['agent', 'input', 'priority', 'skills', 'task_type']],
  ])('answers 400 naming the field, not 500, for %s', async (_label, json, fields) => {
    const response = await stack.request('/v1/tasks', { method: 'POST', json });
    const problem = await expectProblem(response, 400, 'validation_failed');
    expect([...new Set(problem.errors?.map((error) => error.field))].sort()).toEqual(fields);
  });

  it('answers 4xx, not 500, for bad ids and queries', async () => {
    const responses = await Promise.all([
      stack.request(`/v1/tasks/${'x'.repeat(5000)}`),
      stack.request('/v1/tasks/task_x?consistency=strong&consistency=eventual'),
      stack.request('/v1/tasks/task_x?consistency[a]=b'), // an unknown parameter: ignored
      stack.request(`/v1/api-keys/${encodeURIComponent("' OR 1=1 --")}`, { method: 'DELETE' }),
      // A NUL can never be part of an ID: refused as a bad URL before any lookup.
      stack.request('/v1/tasks/%00', { method: 'DELETE' }),
      stack.request('/v1/tasks/%00/cancel', { method: 'POST' }),
      stack.request('/v1/api-keys/%00', { method: 'DELETE' }),
    ]);
    expect(responses.map((response) => response.status)).toEqual([404, 400, 404, 404, 400, 400, 400]);
  });
});

describe('input the database could not store', () => {
  it('answers 400 naming the field for a lone UTF-16 surrogate', async () => {
    const response = await stack.request('/v1/tasks', {
      method: 'POST',
      body: '{"agent":"echo","task_type":"echo","input":{"message":"\\ud800"}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).errors?.map((error) => error.field)).toEqual(['input.message']);
  });

  it('answers 400 for a cursor with a timestamp out of range', async () => {
    const cursor = Buffer.from(JSON.stringify(['-100000-01-01T00:00:00.000Z', 'x'])).toString('base64url');
    expect((await stack.request(`/v1/tasks?cursor=${cursor}`)).status).toBe(400);
  });
});
