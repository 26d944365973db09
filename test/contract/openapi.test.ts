import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import express, { Router } from 'express';
import pino from 'pino';
import { builtInAgents } from '../../agents/registry';
import { createApp } from '../../api/app';
import { openApiPath } from '../../api/route-table/openapi';
import { EventFeed } from '../../lib/events/feed';
import { downloadUrlSignerFor } from '../../lib/signing/url-secrets';
import { TaskStarter } from '../../lib/temporal/task-starter';
import { mountedRoutes } from '../support/express-routes';
import { type TestStack, startStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ worker: false });
});
afterAll(async () => {
  await stack?.stop();
});

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; security: unknown[]; responses: Record<string, { content?: Record<string, unknown> }> }>>;
}

const fetchDocument = async () => {
  const response = await stack.request('/v1/openapi.json', { apiKey: null });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/json');
  return (await response.json()) as OpenApiDocument;
};

/** `GET /v1/tasks/{id}` for each operation of the document. */
const documentedOperations = (document: OpenApiDocument) =>
  Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));

/**
 * The verdict of @seriousme/openapi-schema-validator (the official OpenAPI JSON Schemas). It is an
 * ES module, which this CommonJS suite cannot import: its command line runs it.
 */
async function validateOpenApi(document: unknown): Promise<{ valid: boolean; errors?: unknown[] }> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-')), 'openapi.json');
  fs.writeFileSync(file, JSON.stringify(document));
  const cli = require.resolve('@seriousme/openapi-schema-validator/bin/validate-api-cli.js');
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [cli, file]);
    return JSON.parse(stdout) as { valid: boolean };
  } catch (error) {
    // It exits 1 on an invalid document, with the verdict on stdout.
    return JSON.parse((error as { stdout: string }).stdout) as { valid: boolean; errors: unknown[] };
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

/** The app the stack serves, built from the same kind of dependencies (none of them started). */
function appOf(stack: TestStack) {
  const silent = pino({ level: 'silent' });
  const { db, temporal, config, storage } = stack;
  return createApp({
    db,
    temporal,
    agents: builtInAgents,
    config,
    logger: silent,
    feed: new EventFeed({ db, listenUrl: stack.databaseUrl, pollIntervalMs: config.EVENTS_POLL_INTERVAL_MS, logger: silent }),
    storage,
    downloadUrls: downloadUrlSignerFor(config),
    starter: new TaskStarter({ db, temporal, agents: builtInAgents, config, logger: silent, sweepIntervalMs: config.EVENTS_POLL_INTERVAL_MS }),
  });
}

describe('GET /v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document, valid against the official schema, served without an API key', async () => {
    const document = await fetchDocument();
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(await validateOpenApi(document)).toEqual({ valid: true });
  });

  it('the validator refuses a document that breaks the schema', async () => {
    const document = await fetchDocument();
    const broken = { ...document, info: { title: 'no version' } };
    expect(await validateOpenApi(broken)).toMatchObject({ valid: false, errors: [expect.objectContaining({ instancePath: '/info' })] });
  });

  it('lists every route the server answers, and nothing it does not', async () => {
    const document = await fetchDocument();
    const { routes, unknownMiddleware } = mountedRoutes(appOf(stack));
    const served = routes.map((route) => {
      const [method, path] = route.split(' ') as [string, string];
      return `${method} ${openApiPath(path)}`;
    });
    expect(unknownMiddleware).toEqual([]);
    expect(new Set(served).size).toBe(served.length);
    expect([...served].sort()).toEqual(documentedOperations(document).sort());
  });

  it('the comparison catches a route that is not in the table, and middleware that could answer', () => {
    const app = appOf(stack);
    const extra = Router();
    extra.get('/metrics', (_req, res) => void res.send(''));
    app.use(extra);
    app.use('/v1/things', express.static('/nonexistent'));
    const { routes, unknownMiddleware } = mountedRoutes(app);
    expect(routes).toContain('GET /metrics');
    expect(unknownMiddleware).toEqual(['serveStatic at /v1/things']);
  });

  it('documents the auth, the SSE stream, the signed download and the problems each route answers', async () => {
    const document = await fetchDocument();
    const tasks = document.paths['/v1/tasks/{id}/process']!.post!;
    expect(tasks.security).toEqual([{ apiKey: [] }]);
    // 403: an approver key may not send it; 429: rate limits.
    expect(Object.keys(tasks.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '413', '415', '429', '503']);
    expect(tasks.responses['409']!.content).toEqual({ 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } });
    expect(Object.keys(document.paths['/v1/events/stream']!.get!.responses['200']!.content!)).toEqual(['text/event-stream']);
    const download = document.paths['/files/artifacts/{id}']!.get!;
    expect(download.security).toEqual([]);
    expect(Object.keys(download.responses).sort()).toEqual(['200', '206', '400', '403', '404', '416', '500']);
    expect(document.paths['/v1/openapi.json']!.get!.security).toEqual([]);
  });

  it('accepts the seed spellings: agent_id and assistant on create, perPage on listing', async () => {
    const document = (await fetchDocument()) as unknown as {
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
      components: { schemas: Record<string, unknown> };
    };
    const listing = document.paths['/v1/tasks']!.get!.parameters!.map((parameter) => parameter.name);
    expect(listing).toEqual(expect.arrayContaining(['page', 'per_page', 'perPage', 'cursor', 'limit', 'status', 'mine']));
    const create = JSON.stringify(document.paths['/v1/tasks']!.post);
    for (const alias of ['"agent_id"', '"assistant"', '"agent"', '"assignedUsers"', '"ownerEmail"']) expect(create).toContain(alias);
  });
});
