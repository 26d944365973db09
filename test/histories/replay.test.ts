import { Worker } from '@temporalio/worker';
import { testEnvironment } from '../support/globals';
import { installQuietRuntime } from '../support/runtime';
import { recordedHistories } from './histories';

// Every recorded history must replay on the current workflow code: a workflow still running when
// a new version is deployed resumes by replaying exactly such a history. A change that makes one
// fail needs `patched()` (keep the old path for histories that took it), not a re-recording.
const histories = recordedHistories();

describe('recorded workflow histories', () => {
  beforeAll(() => installQuietRuntime());

  it('cover every workflow type and the task paths that matter', () => {
    const types = new Set(histories.map(({ history }) => history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name));
    expect([...types].sort()).toEqual(['retentionWorkflow', 'taskWorkflow', 'webhookDeliveryWorkflow']);
    const names = histories.map(({ file }) => file.replace(/(\.run\d+)?\.json$/, ''));
    const paths = ['complete', 'failed', 'cancelled', 'approval-approved', 'approval-denied', 'approval-expired', 'stop-process', 'clarification', 'continue-as-new'];
    // And the patched paths (see workflows/task.ts).
    paths.push('stop-during-approval-request', 'feedback-as-it-completes', 'step-results-in-database');
    for (const path of paths) {
      expect(names).toContain(`task-${path}`);
    }
  });

  it('replay on the current workflow code without a nondeterminism error', async () => {
    const failures: string[] = [];
    let replayed = 0;
    for await (const result of Worker.runReplayHistories({ workflowBundle: { codePath: testEnvironment().workflowBundle } }, histories)) {
      replayed++;
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(histories.length);
  });
});
