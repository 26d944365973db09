import { NativeConnection, Worker } from '@temporalio/worker';
import { type Activities, createActivities } from '../../activities';
import { type AgentRegistry, builtInAgents } from '../../agents/registry';
import { createOutboxMailTransport } from '../../lib/mail/outbox-transport';
import type { TransitionRecord } from '../../workflows/model';
import { testEnvironment } from './globals';
import type { TestStack } from './stack';

/** A worker on its own task queue whose activities are the real ones, some of them wrapped. */
export async function workerWith(stack: TestStack, wrap: (real: Activities) => Partial<Activities>, agents: AgentRegistry = builtInAgents) {
  const env = testEnvironment();
  const real = createActivities({ db: stack.db, agents, storage: stack.storage, mail: createOutboxMailTransport(stack.db), outbound: stack.outbound, storageQuotaBytes: stack.config.TENANT_MAX_STORAGE_BYTES, maxQueuedTasks: stack.config.TENANT_MAX_QUEUED_TASKS });
  const taskQueue = `${stack.taskQueue}-custom-${Math.random().toString(36).slice(2)}`;
  const connection = await NativeConnection.connect({ address: env.temporalAddress });
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowBundle: { codePath: env.workflowBundle },
    activities: { ...real, ...wrap(real) },
  });
  const running = worker.run();
  return {
    taskQueue,
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}

/**
 * A worker whose recordTransition holds the first write matching `holdOn` until `release()`: the
 * test can then send a command while that write is in flight.
 */
export async function gatedWorker(stack: TestStack, holdOn: (record: TransitionRecord) => boolean, alsoWrap: (real: Activities) => Partial<Activities> = () => ({})) {
  let reached!: () => void;
  const atGate = new Promise<void>((resolve) => (reached = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  const worker = await workerWith(stack, (real) => ({
    ...alsoWrap(real),
    async recordTransition(record: TransitionRecord) {
      if (!held && holdOn(record)) {
        held = true;
        reached();
        await released;
      }
      return real.recordTransition(record);
    },
  }));
  return {
    taskQueue: worker.taskQueue,
    atGate,
    release,
    async stop() {
      release();
      await worker.stop();
    },
  };
}


export const firstEventIs = (type: string) => (record: TransitionRecord) => record.events[0]?.type === type;
