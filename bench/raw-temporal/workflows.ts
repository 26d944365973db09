// The raw-Temporal baseline: one workflow calling one no-op activity, nothing else. Bundled with
// bundleWorkflowCode by bench/raw-temporal/run.ts; deterministic code only.
import { proxyActivities } from '@temporalio/workflow';
import type { RawBenchActivities } from './activities';

const { noop } = proxyActivities<RawBenchActivities>({ startToCloseTimeout: '1 minute' });

export async function rawBenchWorkflow(): Promise<void> {
  await noop();
}
