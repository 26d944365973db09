import { AUDIT_EVENT_TYPES, type TaskRow, presentTask, temporalUiUrl } from '../../api/tasks/present';
import { newId } from '../../lib/ids';
import { appendEvents } from '../support/events';
import { type TestStack, startStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ worker: false });
});
afterAll(async () => {
  await stack?.stop();
});

/** The same record built independently: the row, its artifacts and its audit trail, each read by Prisma. */
async function recordFromOrmQueries(task: TaskRow) {
  const [artifacts, auditEvents] = await Promise.all([
    stack.db.artifact.findMany({ where: { taskId: task.id }, select: { id: true, type: true, createdAt: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    stack.db.event.findMany({ where: { taskId: task.id, type: { in: AUDIT_EVENT_TYPES } }, select: { type: true, data: true, createdAt: true }, orderBy: { taskSeq: 'asc' } }),
  ]);
  return presentTask(task, { artifacts, auditEvents, temporalUiUrl: temporalUiUrl(stack.config, task.id) });
}

describe('GET /v1/tasks/:id (one query)', () => {
  it('answers exactly the record built from the row, its artifacts and events, every field and the whole audit trail', async () => {
    const tenant = await stack.newTenant();
    const task = await stack.db.task.create({
      data: {
        id: newId('task'),
        tenantId: tenant.tenantId,
        agent: 'echo',
        taskType: 'echo',
        input: { message: 'hi', nested: { list: [1, 2] } },
        status: 'complete',
        priority: 'high',
        sessionId: 'sess_1',
        title: 'A title',
        description: 'Some words',
        type: 'report',
        skills: ['search', 'write'],
        ownerEmail: 'owner@example.com',
        assignedUsers: ['a@example.com', 'b@example.com'],
        followers: ['c@example.com'],
        feedback: 'like',
        progress: 0.75,
        progressMessage: 'nearly',
        output: { message: 'hi' },
        executions: [{ execution_id: 'exe_1', started_at: '2026-01-01T00:00:00.000Z' }],
        startedAt: new Date('2026-01-01T00:00:01.234Z'),
        completedAt: new Date('2026-01-01T00:00:05.678Z'),
      },
    });
    const owner = { taskId: task.id, tenantId: tenant.tenantId, agent: 'echo' };
    await appendEvents(stack.db, owner, ['task.created', 'task.status_changed', 'task.progress'], { data: { from: 'queued', to: 'running' } });
    await appendEvents(stack.db, owner, ['session.message'], { data: { text: 'more detail', files: [] } });
    await appendEvents(stack.db, owner, ['approval.requested'], { data: { approval_id: 'apr_1', title: 'Send it?' } });
    await appendEvents(stack.db, owner, ['approval.resolved'], { data: { approval_id: 'apr_1', decision: 'approved', decided_by: 'x@example.com' } });
    await appendEvents(stack.db, owner, ['task.updated'], { data: { fields: { assigned_users: { from: [], to: ['a@example.com'] } }, by: 'x@example.com' } });
    await appendEvents(stack.db, owner, ['task.complete'], { data: { from: 'running', to: 'complete' } });
    for (const [index, type] of ['echo.result', 'echo.file'].entries()) {
      await stack.db.artifact.create({
        data: { id: newId('art'), tenantId: tenant.tenantId, taskId: task.id, workflowId: task.id, runId: 'run', type, displayName: `${index}`, mimeType: 'application/json' },
      });
    }

    const response = await stack.request(`/v1/tasks/${task.id}`, { apiKey: tenant.apiKey });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { activities: { type: string }[]; artifacts: unknown[] };
    const row = await stack.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(body).toEqual(JSON.parse(JSON.stringify(await recordFromOrmQueries(row))));
    expect(body.activities.map((activity) => activity.type)).toEqual([
      'status_change', 'status_change', 'message', 'approval_requested', 'approval_resolved', 'assignment', 'status_change',
    ]);
    expect(body.artifacts).toHaveLength(2);
  });

  it("gives a task without events or artifacts empty lists, and answers 404 for another tenant's task", async () => {
    const tenant = await stack.newTenant();
    const other = await stack.newTenant();
    const task = await stack.db.task.create({ data: { id: newId('task'), tenantId: tenant.tenantId, agent: 'echo', taskType: 'echo', input: {}, status: 'queued' } });

    const own = await stack.request(`/v1/tasks/${task.id}`, { apiKey: tenant.apiKey });
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ task_id: task.id, artifacts: [], activities: [], output: null, error: null });
    expect((await stack.request(`/v1/tasks/${task.id}`, { apiKey: other.apiKey })).status).toBe(404);
  });
});
