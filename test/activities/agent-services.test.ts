import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { createAgentServices } from '../../activities/agent-services';
import { AgentError } from '../../agents/sdk';
import { type Database, createDatabase } from '../../lib/db/client';
import { appendTaskEvents } from '../../lib/db/task-events';
import { newId } from '../../lib/ids';
import { createOutboundFetcher } from '../../lib/outbound/fetch-url';
import { fileContentKey } from '../../lib/storage/content-store';
import { createLocalContentStore } from '../../lib/storage/local-content-store';
import type { EventType } from '../../workflows/model';
import { type DocumentServer, startDocumentServer } from '../support/document-server';
import { testEnvironment } from '../support/globals';
import { seedQueuedTask } from '../support/tenants';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'taskwright-agent-services-'));
const storage = createLocalContentStore(root);
const signal = new AbortController().signal;
let db: Database;
let server: DocumentServer;
beforeAll(async () => {
  db = createDatabase(testEnvironment().databaseUrl, 4);
  server = await startDocumentServer({
    '/large.txt': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('x'.repeat(64 * 1024));
    },
  });
});
afterAll(async () => {
  await server?.stop();
  await db?.$disconnect();
});

const servicesWith = (allowPrivateNetworks: boolean) =>
  createAgentServices({ db, storage, outbound: createOutboundFetcher({ allowPrivateNetworks, maxBytes: 1024, timeoutMs: 2_000 }) });

async function uploaded(tenantId: string, name: string, content: string, purpose: string | null = null) {
  const id = newId('file');
  const storagePath = fileContentKey(tenantId, id);
  const stored = await storage.put(storagePath, Buffer.from(content));
  return db.file.create({ data: { id, tenantId, name, mimeType: 'text/plain', sizeBytes: stored.sizeBytes, sha256: stored.sha256, purpose, storagePath } });
}

async function expectAgentError(promise: Promise<unknown>, code: string, messagePart: string) {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AgentError);
  expect(error).toMatchObject({ code });
  expect((error as Error).message).toContain(messagePart);
}

describe('agent services', () => {
  it("lists and opens the tenant's files only, checking their content as it is read", async () => {
    const { tenant } = await seedQueuedTask(db);
    const { tenant: other } = await seedQueuedTask(db);
    const card = await uploaded(tenant.id, 'MODEL_CARD.md', '# Model card', 'evidence');
    const sheet = await uploaded(tenant.id, 'datasheet.md', '# Datasheet', 'evidence');
    await uploaded(tenant.id, 'q.csv', 'q,a', 'questionnaire');
    const theirs = await uploaded(other.id, 'theirs.md', 'not yours', 'evidence');
    const { files } = servicesWith(false)({ tenantId: tenant.id, signal });

    expect((await files.list({ purpose: 'evidence' })).map((file) => file.name).sort()).toEqual(['MODEL_CARD.md', 'datasheet.md']);
    expect(await files.list()).toHaveLength(3);
    expect(await files.list({ limit: 1 })).toHaveLength(1);

    const opened = await files.open(card.id);
    expect(opened).toMatchObject({ id: card.id, name: 'MODEL_CARD.md', mimeType: 'text/plain', sizeBytes: 12, sha256: card.sha256, purpose: 'evidence' });
    expect((await buffer(opened.content)).toString()).toBe('# Model card');

    await expectAgentError(files.open(theirs.id), 'file_not_found', theirs.id);
    await expectAgentError(files.open('file_01JAAAAAAAAAAAAAAAAAAAAAAA'), 'file_not_found', 'file_01JAAAAAAAAAAAAAAAAAAAAAAA');

    fs.writeFileSync(path.join(root, sheet.storagePath), '# Tampered!');
    await expectAgentError(buffer((await files.open(sheet.id)).content), 'file_integrity_error', sheet.id);
  });

  it("reads the tenant's artifacts and events, newest artifacts first and events in seq order", async () => {
    const { tenant, task } = await seedQueuedTask(db);
    const { tenant: other, task: theirTask } = await seedQueuedTask(db);
    const artifact = (id: string, tenantId: string, taskId: string, type: string, createdAt: string) =>
      db.artifact.create({
        data: { id, tenantId, taskId, workflowId: taskId, runId: 'run', type, displayName: `${type}.json`, mimeType: 'application/json', data: { id }, createdAt: new Date(createdAt) },
      });
    await artifact(newId('art'), tenant.id, task.id, 'sales.email_draft', '2026-11-20T10:00:00Z');
    const report = await artifact(newId('art'), tenant.id, task.id, 'ai_readiness.audit_report', '2026-11-21T10:00:00Z');
    const later = await artifact(newId('art'), tenant.id, task.id, 'ai_readiness.audit_report', '2026-11-22T10:00:00Z');
    const theirs = await artifact(newId('art'), other.id, theirTask.id, 'ai_readiness.audit_report', '2026-11-23T10:00:00Z');
    const history: [EventType, string][] = [
      ['task.status_changed', '2026-11-20T10:00:00Z'],
      ['artifact.emitted', '2026-11-21T10:00:00Z'],
      ['approval.resolved', '2026-11-22T10:00:00Z'],
    ];
    for (const [type, at] of history) {
      await db.$transaction((tx) => appendTaskEvents(tx, { taskId: task.id, tenantId: tenant.id, agent: 'sales' }, [{ id: newId('evt'), type, data: { type } }], new Date(at)));
    }
    await db.$transaction((tx) => appendTaskEvents(tx, { taskId: theirTask.id, tenantId: other.id, agent: 'sales' }, [{ id: newId('evt'), type: 'artifact.emitted', data: {} }], new Date()));
    const { artifacts, events } = servicesWith(false)({ tenantId: tenant.id, signal });

    expect(await artifacts.get(report.id)).toEqual({
      id: report.id,
      tenantId: tenant.id,
      taskId: task.id,
      type: 'ai_readiness.audit_report',
      displayName: 'ai_readiness.audit_report.json',
      data: { id: report.id },
      mimeType: 'application/json',
      approvalStatus: 'not_required',
      effectAppliedAt: null,
      createdAt: new Date('2026-11-21T10:00:00Z'),
    });
    expect(await artifacts.get(theirs.id)).toBeNull();
    expect((await artifacts.list({ type: 'ai_readiness.audit_report' })).map((found) => found.id)).toEqual([later.id, report.id]);
    expect(await artifacts.list({ since: new Date('2026-11-21T00:00:00Z'), until: new Date('2026-11-22T10:00:00Z') })).toEqual([
      expect.objectContaining({ id: report.id }),
    ]);
    expect(await artifacts.list({ limit: 1 })).toEqual([expect.objectContaining({ id: later.id })]);

    const all = await events.list();
    expect(all.map((event) => event.type)).toEqual(['task.status_changed', 'artifact.emitted', 'approval.resolved']);
    expect(all.every((event) => typeof event.seq === 'number' && event.taskId === task.id && event.agent === 'sales')).toBe(true);
    expect(all[1]!.seq).toBeGreaterThan(all[0]!.seq);
    expect((await events.list({ types: ['artifact.emitted', 'approval.resolved'], since: new Date('2026-11-22T00:00:00Z') })).map((event) => event.type)).toEqual([
      'approval.resolved',
    ]);
    expect(await events.list({ agent: 'echo' })).toEqual([]);
  });

  it('turns every fetch failure, before or during the body, into AgentError source_unreachable naming the URL', async () => {
    const url = server.url('/large.txt');
    await expectAgentError(servicesWith(false)({ tenantId: 'ten_x', signal }).fetch(url), 'source_unreachable', url);
    const fetched = await servicesWith(true)({ tenantId: 'ten_x', signal }).fetch(url);
    await expectAgentError(buffer(fetched.content), 'source_unreachable', url);
  });
});
