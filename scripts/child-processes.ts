// Starting and stopping Taskwright's processes: readiness checks and a graceful stop, shared by
// `npm start` (scripts/start.ts) and `npm run bench` (bench/run.ts).
import type { ChildProcess } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';

export const READY_TIMEOUT_MS = 120_000;

export async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

// Ready means a task runs now: the worker bundles workflow code before it polls.
export async function waitForWorker(address: string, namespace: string, taskQueue: string, worker: ChildProcess): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (worker.exitCode !== null) throw new Error('the worker exited');
      const { pollers } = await connection.workflowService.describeTaskQueue({
        namespace,
        taskQueue: { name: taskQueue },
        taskQueueType: proto.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      });
      if (pollers.length > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`no worker polled task queue ${taskQueue} within ${READY_TIMEOUT_MS / 1000} s`);
  } finally {
    await connection.close();
  }
}

export async function waitUntilReady(url: string, process: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (process.exitCode !== null) throw new Error(`the process behind ${url} exited`);
    const ok = await fetch(url).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} was not ready within ${READY_TIMEOUT_MS / 1000} s`);
}
