import fs from 'node:fs';
import path from 'node:path';
import { type WorkflowHandle, WorkflowUpdateStage } from '@temporalio/client';
import { decideUpdate, feedbackUpdate, processUpdate, stopUpdate, taskStateQuery } from '../../workflows/definitions';
import type { TaskSnapshot, TaskWorkflowInput } from '../../workflows/model';
import type { taskWorkflow } from '../../workflows/task';
import type { retentionWorkflow } from '../../workflows/retention';
import { firstEventIs, gatedWorker } from '../support/custom-workers';
import { appendEvents, seedTask } from '../support/events';
import { eventually } from '../support/eventually';
import { type TestStack, startStack } from '../support/stack';
import { seedQueuedTask } from '../support/tenants';
import { WebhookReceiver } from '../support/webhook-receiver';
import { HISTORIES_DIR, historyToStored } from './histories';

// Not a test: `npm run histories:record` runs this file through jest (for its Temporal dev server,
// database and stack) to record one history per path of every workflow type, from the workflow
// code as it is now, into test/histories/, skipping those already recorded. replay.test.ts replays
// them all on every `npm test`. Add a case for a new path; never delete a history to re-record it
// so a change replays: a change that breaks one must branch on `patched()` instead.

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({
    env: { OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOK_RETRY_INITIAL_MS: '100', WEBHOOK_RETRY_MAX_INTERVAL_MS: '400' },
    ownDatabase: true,
  });
});
afterAll(async () => {
  await stack?.stop();
});

/**
 * Writes every run of the workflow (oldest first) as `<name>.json`, or `<name>.run<N>.json` for
 * several, unless `<name>` is recorded already: a history keeps the code it was recorded from.
 */
async function save(name: string, workflowId: string): Promise<void> {
  if (fs.readdirSync(HISTORIES_DIR).some((file) => file === `${name}.json` || file.startsWith(`${name}.run`))) return;
  const runs: string[] = [];
  for await (const execution of stack.temporal.workflow.list({ query: `WorkflowId = '${workflowId}'` })) runs.push(execution.runId);
  // Visibility may lag a moment: the handle's own run is always there.
  const runIds = runs.length > 0 ? runs.reverse() : [undefined];
  for (const [index, runId] of runIds.entries()) {
    const history = await stack.temporal.workflow.getHandle(workflowId, runId).fetchHistory();
    const file = runIds.length === 1 ? `${name}.json` : `${name}.run${index + 1}.json`;
    fs.writeFileSync(path.join(HISTORIES_DIR, file), historyToStored(history));
  }
}

async function startTask(input: Record<string, unknown>, overrides: Partial<TaskWorkflowInput> = {}, taskQueue = stack.taskQueue) {
  const { task } = await seedQueuedTask(stack.db);
  const workflowInput: TaskWorkflowInput = {
    taskId: task.id,
    tenantId: task.tenantId,
    agent: 'echo',
    taskType: 'echo',
    input,
    priority: 'normal',
    deferred: false,
    execution: { timeoutMs: 60_000, maximumAttempts: 3 },
    approval: { timeoutMs: 60_000, onTimeout: 'fail' },
    ...overrides,
  };
  return stack.temporal.workflow.start<typeof taskWorkflow>('taskWorkflow', { taskQueue, workflowId: task.id, args: [workflowInput] });
}

function waitForState(handle: WorkflowHandle<typeof taskWorkflow>, status: string): Promise<TaskSnapshot> {
  return eventually(async () => {
    const state = await handle.query(taskStateQuery);
    return state.status === status ? state : undefined;
  }, `the task to reach ${status}`);
}

const settled = (handle: WorkflowHandle) => handle.result().catch(() => undefined);

async function decide(handle: WorkflowHandle<typeof taskWorkflow>, decision: 'approved' | 'denied') {
  const awaiting = await waitForState(handle, 'awaiting_approval');
  await handle.executeUpdate(decideUpdate, { args: [{ approvalId: awaiting.pendingApproval!.id, decision, decidedBy: 'ann@example.com' }] });
}

describe('recording workflow histories', () => {
  beforeAll(() => fs.mkdirSync(HISTORIES_DIR, { recursive: true }));

  it('task: complete', async () => {
    const handle = await startTask({ message: 'hi', steps: 2, call_tools: [{ name: 'uppercase', args: { text: 'hi' } }] });
    await handle.result();
    await save('task-complete', handle.workflowId);
  });

  it("task: complete without ever waiting, so its status is never indexed (statusIndexing 'once_waiting')", async () => {
    const handle = await startTask({ message: 'straight through' }, { statusIndexing: 'once_waiting' });
    await handle.result();
    await save('task-complete-status-unindexed', handle.workflowId);
  });

  it("task: approved, its status indexed from the wait on (statusIndexing 'once_waiting')", async () => {
    const handle = await startTask({ require_approval: true }, { statusIndexing: 'once_waiting' });
    await decide(handle, 'approved');
    await handle.result();
    await save('task-approval-status-indexed', handle.workflowId);
  });

  it('task: failed', async () => {
    const handle = await startTask({ fail_with: 'boom' });
    await settled(handle);
    await save('task-failed', handle.workflowId);
  });

  it('task: cancelled while the agent works', async () => {
    const handle = await startTask({ sleep_ms: 60_000 });
    await waitForState(handle, 'running');
    await handle.cancel();
    await settled(handle);
    await save('task-cancelled', handle.workflowId);
  });

  it('task: approval of a gated draft approved, the draft sent', async () => {
    const handle = await startTask({ emit_draft: { to: 'sam@example.com', subject: 'Hi', body: 'Hello' } });
    await decide(handle, 'approved');
    await handle.result();
    await save('task-approval-approved', handle.workflowId);
  });

  it('task: approval denied', async () => {
    const handle = await startTask({ require_approval: true });
    await decide(handle, 'denied');
    await settled(handle);
    await save('task-approval-denied', handle.workflowId);
  });

  it('task: approval expired', async () => {
    const handle = await startTask({ require_approval: true, approval_timeout_ms: 1_000 });
    await settled(handle);
    await save('task-approval-expired', handle.workflowId);
  });

  it('task: stopped, then processed', async () => {
    const handle = await startTask({ steps: 3, step_ms: 1_500 });
    await waitForState(handle, 'running');
    await handle.executeUpdate(stopUpdate, { args: [] });
    await handle.executeUpdate(processUpdate, { args: [{ message: 'go on' }] });
    await handle.result();
    await save('task-stop-process', handle.workflowId);
  });

  it('task: clarification', async () => {
    const handle = await startTask({ ask_clarification: 'Which one?' });
    await waitForState(handle, 'needs_clarification');
    await handle.executeUpdate(processUpdate, { args: [{ message: 'The blue one' }] });
    await handle.result();
    await save('task-clarification', handle.workflowId);
  });

  it('task: deferred, then processed', async () => {
    const handle = await startTask({ message: 'later' }, { deferred: true });
    await waitForState(handle, 'pending');
    await handle.executeUpdate(processUpdate, { args: [{}] });
    await handle.result();
    await save('task-deferred', handle.workflowId);
  });

  it('task: continue-as-new', async () => {
    const handle = await startTask({ steps: 12 }, { historyLimit: 40 });
    await handle.result();
    await save('task-continue-as-new', handle.workflowId);
  });

  it('task: stopped while its approval request was recorded (patch stop-withdraws-approval)', async () => {
    const gate = await gatedWorker(stack, firstEventIs('approval.requested'));
    try {
      const handle = await startTask({ require_approval: true }, {}, gate.taskQueue);
      await gate.atGate;
      const stop = await handle.startUpdate(stopUpdate, { args: [], waitForStage: WorkflowUpdateStage.ACCEPTED });
      gate.release();
      await stop.result();
      await handle.executeUpdate(processUpdate, { args: [{}] });
      await decide(handle, 'approved');
      await handle.result();
      await save('task-stop-during-approval-request', handle.workflowId);
    } finally {
      await gate.stop();
    }
  });

  it('task: completed while a feedback update was recorded (patch ends-after-handlers)', async () => {
    const gate = await gatedWorker(stack, firstEventIs('task.updated'), (real) => ({
      async runAgent(request) {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        return real.runAgent(request);
      },
    }));
    try {
      const handle = await startTask({ message: 'done soon' }, {}, gate.taskQueue);
      await waitForState(handle, 'running');
      const feedback = handle.executeUpdate(feedbackUpdate, { args: [{ feedback: 'like', by: 'ann@example.com' }] });
      await gate.atGate;
      await eventually(async () => ((await stack.db.task.findUniqueOrThrow({ where: { id: handle.workflowId } })).status === 'complete' ? true : undefined), 'the task to complete');
      gate.release();
      await feedback;
      await handle.result();
      await save('task-feedback-as-it-completes', handle.workflowId);
    } finally {
      await gate.stop();
    }
  });

  it('task: checkpointed steps whose results are kept in the database', async () => {
    const handle = await startTask({ steps: 3, call_tools: [{ name: 'word_count', args: { text: 'a b c' } }] });
    await handle.result();
    await save('task-step-results-in-database', handle.workflowId);
  });

  it('webhook delivery: retried after a failed first attempt', async () => {
    const receiver = await WebhookReceiver.start(({ priorAttempts }) => (priorAttempts < 2 ? 503 : 200));
    try {
      const tenant = await stack.newTenant();
      const created = await stack.request('/v1/webhooks', {
        method: 'POST',
        apiKey: tenant.apiKey,
        json: { url: receiver.url, events: ['task.complete'], secret: 'whsec_record_0123456789' },
      });
      const { webhook_id } = (await created.json()) as { webhook_id: string };
      await appendEvents(stack.db, await seedTask(stack.db, tenant.tenantId), ['task.complete']);
      const deliveryId = await eventually(async () => {
        const response = await stack.request(`/v1/webhooks/${webhook_id}/deliveries`, { apiKey: tenant.apiKey });
        const { deliveries } = (await response.json()) as { deliveries: { delivery_id: string; status: string }[] };
        return deliveries[0]?.status === 'succeeded' ? deliveries[0].delivery_id : undefined;
      }, 'the delivery to succeed');
      await stack.temporal.workflow.getHandle(deliveryId).result();
      await save('webhook-delivery-retried', deliveryId);
    } finally {
      await receiver.close();
    }
  });

  it('retention', async () => {
    const handle = await stack.temporal.workflow.start<typeof retentionWorkflow>('retentionWorkflow', {
      taskQueue: stack.taskQueue,
      workflowId: `retention-record-${Date.now()}`,
    });
    await handle.result();
    await save('retention', handle.workflowId);
  });
});
