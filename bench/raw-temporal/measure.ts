import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { runClients } from '../lib/http';
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
 * default slots. Start latency is the start call; the end is the last `result()` to settle.
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
      const completions: Promise<number>[] = [];
      const runId = Date.now().toString(36);
      const started = performance.now();
      await runClients(options.count, options.concurrency, async (index) => {
        const begun = performance.now();
        const handle = await client.workflow.start<typeof rawBenchWorkflow>('rawBenchWorkflow', { taskQueue, workflowId: `bench-raw-${runId}-${index}` });
        startLatencies.push(performance.now() - begun);
        completions.push(handle.result().then(() => performance.now()));
      });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`raw Temporal: not every workflow completed within ${options.timeoutMs / 1000} s`)), options.timeoutMs);
      });
      try {
        const ends = await Promise.race([Promise.all(completions), timeout]);
        const seconds = (Math.max(...ends) - started) / 1000;
        return { workflows: options.count, completed: ends.length, perSecond: ends.length / seconds, startLatencyMs: summarize(startLatencies) };
      } finally {
        clearTimeout(timer);
      }
    });
  } finally {
    await connection.close();
    await nativeConnection.close();
  }
}
