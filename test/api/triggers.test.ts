import { createTriggerFiring } from '../../activities/fire-triggers';
import { createRecordTransition } from '../../activities/record-transition';
import { builtInAgents } from '../../agents/registry';
import { newId } from '../../lib/ids';
import type { TransitionRecord } from '../../workflows/model';
import { eventually } from '../support/eventually';
import { expectProblem } from '../support/problem';
import { type TestStack, type TestTenant, startStack, waitForTask } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

type Task = Record<string, unknown> & { task_id: string; status: string; input: Record<string, unknown>; trigger: Record<string, unknown>; output: Record<string, unknown> | null; error: { code: string; message: string } | null };

const AUDIT = { agent: 'ai-readiness', task_type: 'ai_readiness.full_audit', input: { scope: 'quick' } };
const GAP_SUMMARY_ON_AUDIT = {
  on: { artifact_type: 'ai_readiness.audit_report', agent: 'ai-readiness' },
  start: { agent: 'ai-readiness', task_type: 'ai_readiness.gap_summary' },
  input_map: { report_artifact_id: '$.artifact.artifact_id' },
};

async function createTrigger(tenant: TestTenant, json: unknown): Promise<Response> {
  return stack.request('/v1/triggers', { method: 'POST', json, apiKey: tenant.apiKey });
}

async function createdTrigger(tenant: TestTenant, json: unknown): Promise<{ trigger_id: string }> {
  const response = await createTrigger(tenant, json);
  expect(response.status).toBe(201);
  return (await response.json()) as { trigger_id: string };
}

const triggeredBy = (triggerId: string) => stack.db.task.findMany({ where: { triggerType: 'event', triggerSource: triggerId } });

/**
 * A running audit task of the tenant, and the transition that records its report artifact (and,
 * with `completes`, its completion), as the agent activity would write it.
 */
async function runningAuditRecording(tenant: TestTenant, { report, completes }: { report: Record<string, unknown>; completes: boolean }) {
  const source = await stack.db.task.create({
    data: { id: newId('task'), tenantId: tenant.tenantId, agent: 'ai-readiness', taskType: 'ai_readiness.full_audit', input: {}, status: 'running', lastSeq: 2 },
  });
  const artifactId = newId('art');
  const record: TransitionRecord = {
    taskId: source.id,
    tenantId: tenant.tenantId,
    agent: 'ai-readiness',
    workflowId: source.id,
    runId: 'run-1',
    at: new Date().toISOString(),
    events: [
      { id: newId('evt'), type: 'artifact.emitted', data: { task_id: source.id, artifact_id: artifactId, type: 'ai_readiness.audit_report' } },
      ...(completes ? [{ id: newId('evt'), type: 'task.complete' as const, data: { task_id: source.id, from: 'running', to: 'complete' } }] : []),
    ],
    patch: completes ? { status: 'complete', completedAt: new Date().toISOString() } : {},
    artifacts: [
      { id: artifactId, type: 'ai_readiness.audit_report', displayName: 'report.json', mimeType: 'application/json', data: report, approvalStatus: 'not_required' },
    ],
  };
  return { source, artifactId, record };
}

describe('event triggers', () => {
  it('starts exactly one gap summary, with the mapped input, when an audit report is recorded', async () => {
    const tenant = await stack.newTenant();
    const trigger = await createdTrigger(tenant, GAP_SUMMARY_ON_AUDIT);
    const created = await stack.request('/v1/tasks', { method: 'POST', json: AUDIT, apiKey: tenant.apiKey });
    const audit = (await created.json()) as Task;
    const finished = (await waitForTask(stack, audit.task_id, (task) => task.status === 'complete', { apiKey: tenant.apiKey })) as Task;
    const report = (finished.artifacts as { artifact_id: string; type: string }[]).find((artifact) => artifact.type === 'ai_readiness.audit_report')!;

    const [started] = await eventually(async () => {
      const rows = await triggeredBy(trigger.trigger_id);
      return rows.length > 0 ? rows : undefined;
    }, 'the triggered task');
    const summary = (await waitForTask(stack, started!.id, (task) => task.status === 'complete', { apiKey: tenant.apiKey })) as Task;
    expect(summary).toMatchObject({
      agent: 'ai-readiness',
      task_type: 'ai_readiness.gap_summary',
      input: { report_artifact_id: report.artifact_id },
      trigger: { type: 'event', source_id: trigger.trigger_id, source_task_id: audit.task_id, source_artifact_id: report.artifact_id },
    });
    const artifacts = await stack.db.artifact.findMany({ where: { taskId: summary.task_id, type: 'ai_readiness.gap_summary' } });
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]!.data).toMatchObject({ report_artifact_id: report.artifact_id });
    expect(await triggeredBy(trigger.trigger_id)).toHaveLength(1);
  });

  it('starts the triggered task exactly once when the worker dies right after recording the artifact', async () => {
    const tenant = await stack.newTenant();
    const trigger = await createdTrigger(tenant, GAP_SUMMARY_ON_AUDIT);
    const { source, artifactId, record } = await runningAuditRecording(tenant, {
      report: { framework: 'eu_ai_act', eu_ai_act_score: 40, gaps_found: 1, critical: 1, recommendations: [{ gap: 'No model card', severity: 'critical' }] },
      completes: true,
    });
    // The worker that recorded it is gone: its write committed, its answer never reached Temporal.
    await stack.stopWorker();
    const recordTransition = createRecordTransition({ db: stack.db, storage: stack.storage, fireTriggers: createTriggerFiring({ agents: builtInAgents, limits: { maxQueued: stack.config.TENANT_MAX_QUEUED_TASKS } }) });
    expect(await recordTransition(record)).toEqual({ applied: true });
    const [started] = await triggeredBy(trigger.trigger_id);
    expect(started).toMatchObject({ status: 'queued', input: { report_artifact_id: artifactId }, triggerArtifactId: artifactId, triggerTaskId: source.id });
    // Temporal retries the activity on another worker: nothing is recorded or started twice.
    expect(await recordTransition(record)).toEqual({ applied: false });
    await stack.startWorker();

    const summary = (await waitForTask(stack, started!.id, (task) => task.status === 'complete', { apiKey: tenant.apiKey })) as Task;
    expect(summary.output).toMatchObject({ headline: expect.stringContaining('1 gaps') });
    expect(await triggeredBy(trigger.trigger_id)).toHaveLength(1);
  });

  it('records a triggered task failed with too_many_queued_tasks while its tenant is at TENANT_MAX_QUEUED_TASKS', async () => {
    const tenant = await stack.newTenant();
    const trigger = await createdTrigger(tenant, GAP_SUMMARY_ON_AUDIT);
    const { artifactId, record } = await runningAuditRecording(tenant, {
      report: { framework: 'eu_ai_act', eu_ai_act_score: 40, gaps_found: 0, critical: 0, recommendations: [] },
      completes: false,
    });
    // A limit of one queued task, and the tenant has one queued already.
    await stack.db.task.create({ data: { id: newId('task'), tenantId: tenant.tenantId, agent: 'echo', taskType: 'echo', input: {}, status: 'queued' } });
    const recordTransition = createRecordTransition({ db: stack.db, storage: stack.storage, fireTriggers: createTriggerFiring({ agents: builtInAgents, limits: { maxQueued: 1 } }) });
    expect(await recordTransition(record)).toEqual({ applied: true });
    const [refused] = await triggeredBy(trigger.trigger_id);
    expect(refused).toMatchObject({ status: 'failed', errorCode: 'too_many_queued_tasks', triggerArtifactId: artifactId });
    expect(refused!.errorMessage).toContain('TENANT_MAX_QUEUED_TASKS');
    expect(await stack.db.taskStart.findUnique({ where: { taskId: refused!.id } })).toBeNull();
  });

  it('stops a chain that slipped past the cycle check at the depth limit with a failed task', async () => {
    const tenant = await stack.newTenant();
    // Written straight to the table: the API refuses it (an agent triggering itself).
    const trigger = await stack.db.trigger.create({
      data: { id: newId('trg'), tenantId: tenant.tenantId, artifactType: 'echo.result', sourceAgent: 'echo', agent: 'echo', taskType: 'echo', input: { message: 'again' }, inputMap: {}, taskQueue: stack.taskQueue },
    });
    const created = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', input: { message: 'first' } }, apiKey: tenant.apiKey });
    expect(created.status).toBe(202);
    const stopped = await eventually(async () => {
      const rows = await triggeredBy(trigger.id);
      return rows.find((row) => row.status === 'failed');
    }, 'the chain to stop', 60_000);
    expect(stopped).toMatchObject({ errorCode: 'trigger_depth_exceeded', triggerDepth: 6 });
    const chain = await triggeredBy(trigger.id);
    expect(chain.map((row) => row.triggerDepth).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const shown = (await (await stack.request(`/v1/tasks/${stopped.id}`, { apiKey: tenant.apiKey })).json()) as Task;
    expect(shown).toMatchObject({ status: 'failed', error: { code: 'trigger_depth_exceeded', message: expect.stringContaining('chains stop after 5') } });
  });
});

describe('the triggers API', () => {
  it('refuses an agent triggering itself, and a trigger closing a two-step cycle, with 409', async () => {
    const tenant = await stack.newTenant();
    const self = await createTrigger(tenant, { on: { artifact_type: 'echo.result', agent: 'echo' }, start: { agent: 'echo', input: {} } });
    await expectProblem(self, 409, 'trigger_cycle', { cycle: [null] });

    const first = await createdTrigger(tenant, GAP_SUMMARY_ON_AUDIT);
    const back = await createTrigger(tenant, {
      on: { artifact_type: 'ai_readiness.gap_summary' },
      start: { agent: 'ai-readiness', task_type: 'ai_readiness.full_audit', input: { scope: 'quick' } },
    });
    await expectProblem(back, 409, 'trigger_cycle', { cycle: [null, first.trigger_id] });
    const listed = (await (await stack.request('/v1/triggers', { apiKey: tenant.apiKey })).json()) as { triggers: { trigger_id: string }[] };
    expect(listed.triggers.map((trigger) => trigger.trigger_id)).toEqual([first.trigger_id]);
  });

  it('validates the start against the manifest (mapped fields aside) and the input_map paths', async () => {
    const tenant = await stack.newTenant();
    const badPath = await expectProblem(await createTrigger(tenant, { ...GAP_SUMMARY_ON_AUDIT, input_map: { report_artifact_id: 'artifact.id' } }), 400);
    expect(badPath.errors).toEqual([expect.objectContaining({ field: 'input_map.report_artifact_id' })]);
    const badInput = await expectProblem(await createTrigger(tenant, { ...GAP_SUMMARY_ON_AUDIT, start: { ...GAP_SUMMARY_ON_AUDIT.start, input: { colour: 'red' } } }), 400);
    expect(badInput.errors).toEqual([expect.objectContaining({ field: 'start.input' })]);
    const badAgent = await expectProblem(await createTrigger(tenant, { ...GAP_SUMMARY_ON_AUDIT, on: { artifact_type: 'x', agent: 'nobody' } }), 400);
    expect(badAgent.errors).toEqual([expect.objectContaining({ field: 'on.agent' })]);
  });

  it('keeps tenants apart and deletes a trigger, leaving what it started', async () => {
    const tenant = await stack.newTenant();
    const other = await stack.newTenant();
    const trigger = await createdTrigger(tenant, GAP_SUMMARY_ON_AUDIT);
    await expectProblem(await stack.request(`/v1/triggers/${trigger.trigger_id}`, { apiKey: other.apiKey }), 404);
    await expectProblem(await stack.request(`/v1/triggers/${trigger.trigger_id}`, { method: 'DELETE', apiKey: other.apiKey }), 404);
    const deleted = await stack.request(`/v1/triggers/${trigger.trigger_id}`, { method: 'DELETE', apiKey: tenant.apiKey });
    expect(deleted.status).toBe(200);
    await expectProblem(await stack.request(`/v1/triggers/${trigger.trigger_id}`, { apiKey: tenant.apiKey }), 404);
  });
});
