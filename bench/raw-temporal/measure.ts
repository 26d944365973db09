import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { runClients, sleep } from '../lib/http';
import { type Summary, summarize } from '../lib/stats';
import { rawBenchActivities } from './activities';
import type { rawBenchWorkflow } from './workflows';

export interface RawTemporalResult {
  workflows: number;
  completed: number;
  /** Workflows per second, first start to last completion. */
  perSecond: number;
  startLatencyMs: Summary;
}

const quietBundler = {
  log: () => {},
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: (message: string) => process.stderr.write(`[bundler] ${message}\n`),
};

/**
 * The baseline: `count` bench workflows (one no-op activity each) started by `concurrency`
 * concurrent starters on their own task queue, with a worker in this process using the SDK's
 * default slots. Start latency is the start call; the end is the last close time the server
 * records, as the Taskwright side ends at the last `task.complete` committed.
 */
export async function measureRawTemporal(options: { address: string; namespace?: string; count: number; concurrency: number; timeoutMs: number }): Promise<RawTemporalResult> {
  const namespace = options.namespace ?? 'default';
  const taskQueue = `bench-raw-${Date.now()}`;
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('./workflows'), logger: quietBundler });
  const nativeConnection = await NativeConnection.connect({ address: options.address });
  const connection = await Connection.connect({ address: options.address });
  try {
    const worker = await Worker.create({ connection: nativeConnection, namespace, taskQueue, workflowBundle: { code }, activities: rawBenchActivities });
    const client = new Client({ connection, namespace });
    return await worker.runUntil(async () => {
      const startLatencies: number[] = [];
      const runId = Date.now().toString(36);
      const firstStart = Date.now();
      await runClients(options.count, options.concurrency, async (index) => {
        const begun = performance.now();
        await client.workflow.start<typeof rawBenchWorkflow>('rawBenchWorkflow', { taskQueue, workflowId: `bench-raw-${runId}-${index}` });
        startLatencies.push(performance.now() - begun);
      });
      // Completion from visibility (a count every 100 ms, then each close time) rather than a
      // result() long poll per workflow, which would load the server the baseline runs on.
      const query = `TaskQueue = '${taskQueue}'`;
      const deadline = performance.now() + options.timeoutMs;
      let completed = 0;
      while (performance.now() < deadline) {
        completed = (await client.workflow.count(`${query} AND ExecutionStatus = 'Completed'`)).count;
        if (completed >= options.count) break;
        await sleep(100);
      }
      if (completed === 0) throw new Error(`raw Temporal: no workflow completed within ${options.timeoutMs / 1000} s`);
      let lastClose = 0;
      for await (const execution of client.workflow.list({ query: `${query} AND ExecutionStatus = 'Completed'` })) {
        lastClose = Math.max(lastClose, execution.closeTime?.getTime() ?? 0);
      }
      return { workflows: options.count, completed, perSecond: completed / ((lastClose - firstStart) / 1000), startLatencyMs: summarize(startLatencies) };
    });
  } finally {
    await connection.close();
    await nativeConnection.close();
  }
}
