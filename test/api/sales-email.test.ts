import { messageIdFor } from '../../lib/mail/smtp-transport';
import { SmtpReceiver } from '../support/smtp-receiver';
import { type TestStack, startStack, waitForTask } from '../support/stack';

// The seed's flow with the sales agent: a draft waits for approval, and only an approved one
// reaches a real SMTP server on loopback, exactly once.
let smtp: SmtpReceiver;
let stack: TestStack;
beforeAll(async () => {
  smtp = await SmtpReceiver.start();
  stack = await startStack({ env: { SMTP_URL: smtp.url, SMTP_FROM: 'ACME Sales <sales@taskwright.test>' } });
});
afterAll(async () => {
  await stack?.stop();
  await smtp?.stop();
});

const lead = { name: 'Alex Kim', email: 'alex.kim@acme.com', company: 'ACME', role: 'Head of Platform' };

interface Draft {
  artifact_id: string;
  type: string;
  approval_status: string;
  data: { to: string; subject: string; body: string; lead: typeof lead };
}

/** Creates a draft task and waits for its approval, as the seed's approver would see it. */
async function draftAwaitingApproval() {
  const created = await stack.request('/v1/tasks', {
    method: 'POST',
    json: { agent_id: 'sales-agent', task_type: 'sales.email_draft', input: { lead, sender_name: 'Sam Lee' } },
  });
  expect(created.status).toBe(202);
  const { task_id: taskId } = (await created.json()) as { task_id: string };
  await waitForTask(stack, taskId, (task) => task.status === 'awaiting_approval');
  const { approvals } = (await (await stack.request(`/v1/approvals?status=pending&task_id=${taskId}`)).json()) as {
    approvals: { approval_id: string; artifact_id: string }[];
  };
  expect(approvals).toHaveLength(1);
  const draft = (await (await stack.request(`/v1/artifacts/${approvals[0]!.artifact_id}`)).json()) as Draft;
  expect(draft).toMatchObject({
    type: 'sales.email_draft',
    approval_status: 'pending',
    data: { to: 'alex.kim@acme.com', subject: 'AI readiness tooling for ACME', body: expect.stringMatching(/^Hi Alex,\n\n/), lead },
  });
  return { taskId, approvalId: approvals[0]!.approval_id, draft, messageId: messageIdFor(draft.artifact_id, 'taskwright.test') };
}

/** The task once it ended, however it ended (a failure shows its error at once). */
const ended = (taskId: string) => waitForTask(stack, taskId, (task) => ['complete', 'failed', 'cancelled'].includes(task.status));
const decide = async (path: string) => expect((await stack.request(path, { method: 'POST', json: { comment: 'Checked' } })).status).toBe(200);
const ledgerRows = (artifactId: string) => stack.db.outboxMessage.count({ where: { idempotencyKey: artifactId } });
// Longer than the effect activity's first retry interval (1 s), twice over: a retry would have sent by then.
const pastAnyRetry = () => new Promise((resolve) => setTimeout(resolve, 3_000));

describe('sales.email_draft over SMTP', () => {
  it('sends an approved draft exactly once, and says so in the task output', async () => {
    const { taskId, approvalId, draft, messageId } = await draftAwaitingApproval();
    expect(smtp.acceptedWithMessageId(messageId)).toEqual([]);

    await decide(`/v1/approvals/${approvalId}/approve`);
    expect(await ended(taskId)).toMatchObject({
      status: 'complete',
      output: { draft_artifact_id: draft.artifact_id, approval_status: 'approved', sent: true, sent_at: expect.any(String) },
    });

    await pastAnyRetry();
    const received = smtp.acceptedWithMessageId(messageId);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: 'sales@taskwright.test', to: ['alex.kim@acme.com'], text: draft.data.body });
    expect(received[0]!.headers.get('subject')).toBe(draft.data.subject);
    expect(await ledgerRows(draft.artifact_id)).toBe(1);
  });

  it('never sends a rejected draft', async () => {
    const { taskId, draft, messageId } = await draftAwaitingApproval();
    await decide(`/v1/artifacts/${draft.artifact_id}/reject`);
    expect(await ended(taskId)).toMatchObject({
      status: 'complete',
      output: { draft_artifact_id: draft.artifact_id, approval_status: 'rejected', sent: false, sent_at: null },
    });

    await pastAnyRetry();
    expect(smtp.acceptedWithMessageId(messageId)).toEqual([]);
    expect(await ledgerRows(draft.artifact_id)).toBe(0);
  });

  it('sends exactly once when the worker stops while the server holds its answer to the message, and starts again', async () => {
    const { taskId, approvalId, draft, messageId } = await draftAwaitingApproval();
    const held = smtp.holdNextMessage();
    await decide(`/v1/approvals/${approvalId}/approve`);
    await held.arrived;

    // The stopping worker aborts the send: the connection closes before the server answered.
    await stack.stopWorker();
    expect(smtp.acceptedWithMessageId(messageId)).toEqual([]);
    expect(await ledgerRows(draft.artifact_id)).toBe(0);

    await stack.startWorker();
    expect(await ended(taskId)).toMatchObject({ status: 'complete', output: { approval_status: 'approved', sent: true } });

    await pastAnyRetry();
    // Sent twice (the retry resent what the server never acknowledged), accepted once.
    expect(smtp.receivedWithMessageId(messageId)).toHaveLength(2);
    expect(smtp.acceptedWithMessageId(messageId)).toHaveLength(1);
    expect(await ledgerRows(draft.artifact_id)).toBe(1);
  });
});
