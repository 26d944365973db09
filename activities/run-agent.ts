import { ApplicationFailure, Context } from '@temporalio/activity';
import type { AgentRegistry } from '../agents/registry';
import { type AgentContext, AgentError, type AgentResult } from '../agents/sdk';
import type { Readable } from 'node:stream';
import type { Database, Prisma } from '../lib/db/client';
import { artifactContentKey } from '../lib/storage/content-store';
import { tenantStoredBytes } from '../lib/storage/quota';
import { type TaskColumnsPatch, type TaskEventOwner, appendTaskEventsAlone } from '../lib/db/task-events';
import { derivedId } from '../lib/ids';
import type { AgentServicesFor } from './agent-services';
import { closeRunningExecution, summarizeOutput } from '../workflows/execution-records';
import type { AgentOutcome, ArtifactRecord, Execution, JournalEntry, TaskMessage, TransitionRecord } from '../workflows/model';
import { type TransitionWriteDependencies, writeTransition } from './record-transition';

export interface RunAgentInput {
  taskId: string;
  tenantId: string;
  agent: string;
  taskType: string;
  input: Record<string, unknown>;
  executionId: string;
  messages: TaskMessage[];
  journal: JournalEntry[];
  /** The execution's start, which the workflow left for this activity to write (idempotently). */
  start?: TransitionRecord;
  /** What the activity needs to record a completion itself, with the artifacts, in one write. */
  completion: { workflowId: string; runId: string; executions: Execution[] };
}

// Heartbeats are what carry cancellation to a running activity, so sleeps are cut into slices.
const HEARTBEAT_SLICE_MS = 500;

type OutcomeWithoutArtifacts = AgentOutcome extends infer Outcome ? (Outcome extends AgentOutcome ? Omit<Outcome, 'artifacts'> : never) : never;

/** Thrown through agent code at a suspension point; carries how this call of the agent ended. */
class Suspension extends Error {
  constructor(readonly outcome: AgentOutcome) {
    super(`Agent suspended (${outcome.kind})`);
  }
}

/**
 * Runs a task's agent code up to its next suspension point (a checkpointed step, an approval, a
 * clarification) or its end, replaying the journal of earlier suspensions first. Heartbeats so
 * cancellation and `stop` reach it; progress rides on the heartbeat and is written at once.
 */
export function createRunAgent({
  db,
  agents,
  storage,
  fireTriggers,
  services,
  storageQuotaBytes,
}: TransitionWriteDependencies & {
  agents: AgentRegistry;
  services: AgentServicesFor;
  /** What a tenant's artifacts and files may take in the store together (TENANT_MAX_STORAGE_BYTES). */
  storageQuotaBytes: number;
}) {
  return async function runAgent(request: RunAgentInput): Promise<AgentOutcome> {
    const agent = await agents.find(request.tenantId, request.agent);
    const taskType = agent?.taskTypes[request.taskType];
    if (!agent || !taskType) {
      throw ApplicationFailure.nonRetryable(`Agent ${request.agent} has no task type ${request.taskType}`, 'unknown_task_type');
    }
    const parsed = taskType.input.safeParse(request.input);
    if (!parsed.success) {
      throw ApplicationFailure.nonRetryable(`Input no longer matches the agent's schema: ${parsed.error.message}`, 'invalid_input');
    }
    const activity = Context.current();
    const owner: TaskEventOwner = { taskId: request.taskId, tenantId: request.tenantId, agent: request.agent };
    const { journal } = request;
    const stepResults = await readStepResults(db, request.taskId, journal);
    // Before any agent event: progress is recorded only while the task is `running`.
    if (request.start) await writeTransition({ db, storage, fireTriggers }, request.start);

    // Position in the journal: below its length the code is replaying what already happened.
    let cursor = 0;
    const replaying = () => cursor < journal.length;
    const artifacts: ArtifactRecord[] = [];
    const emittedAt = new Map<number, number>();
    let agentEvents = 0;

    function replay<Kind extends JournalEntry['kind']>(kind: Kind): Extract<JournalEntry, { kind: Kind }> {
      const entry = journal[cursor]!;
      if (entry.kind !== kind) {
        throw ApplicationFailure.nonRetryable(
          `The agent asked for a ${kind} where it earlier asked for a ${entry.kind}; agent code must suspend in the same order on every run.`,
          'agent_nondeterministic',
        );
      }
      cursor += 1;
      return entry as Extract<JournalEntry, { kind: Kind }>;
    }
    const suspend = (outcome: OutcomeWithoutArtifacts): never => {
      throw new Suspension({ ...outcome, artifacts } as AgentOutcome);
    };

    /**
     * An event the running agent reports (progress, a tool call), written at once and only while
     * the task is `running`. Named by execution and position, so a retried attempt writes nothing
     * twice.
     */
    async function recordAgentEvent(type: 'task.progress' | 'tool_call.executed', data: Record<string, unknown>, patch?: TaskColumnsPatch) {
      agentEvents += 1;
      const eventId = derivedId('evt', request.taskId, request.executionId, String(journal.length), String(agentEvents));
      const event = { id: eventId, type, data: { task_id: request.taskId, execution_id: request.executionId, ...data } };
      await appendTaskEventsAlone(db, owner, [event], new Date(), { onlyWhileStatus: 'running', patch });
    }

    async function storeContent(artifactId: string, content: Buffer | string | Readable) {
      const write = (attempt: number) => artifactContentKey(request.tenantId, request.taskId, artifactId, { executionId: request.executionId, attempt });
      const { attempt } = activity.info;
      // What earlier attempts of this run stored was never recorded (they did not complete).
      await Promise.all(Array.from({ length: attempt - 1 }, (_, index) => storage.delete(write(index + 1))));
      const storagePath = write(attempt);
      const stored = await storage.put(storagePath, typeof content === 'string' ? Buffer.from(content) : content);
      // Measured once written (content may be a stream of unknown length); over the quota, the
      // write is undone and the task fails.
      const used = await tenantStoredBytes(db, request.tenantId);
      if (used + stored.sizeBytes > storageQuotaBytes) {
        await storage.delete(storagePath);
        throw new AgentError(
          'storage_quota_exceeded',
          `Storing ${stored.sizeBytes} bytes would take the tenant's stored content to ${used + stored.sizeBytes} bytes, beyond its ${storageQuotaBytes}`,
        );
      }
      return { storagePath, ...stored };
    }

    /**
     * The execution's end, its artifacts and `task.complete` in one write, named by the execution
     * and the journal's length so a retried attempt writes nothing twice. Only while the task is
     * `running`: otherwise (and for file artifacts) the workflow records what happened itself.
     */
    async function recordCompletion({ output, usage }: AgentResult): Promise<AgentOutcome> {
      // File content: an attempt removes what earlier attempts stored, which is safe only while no
      // attempt records rows (a zombie attempt could record a write its successor removed), so
      // the workflow records those from the one attempt Temporal accepts.
      if (artifacts.some((artifact) => artifact.file)) return { kind: 'complete', output, artifacts };
      const at = new Date().toISOString();
      const executions = closeRunningExecution(request.completion.executions, 'complete', summarizeOutput(output), at, usage);
      const eventId = (...parts: string[]) => derivedId('evt', request.taskId, request.executionId, String(journal.length), 'complete', ...parts);
      const written = await writeTransition(
        { db, storage, fireTriggers },
        {
          ...owner,
          workflowId: request.completion.workflowId,
          runId: request.completion.runId,
          at,
          events: [
            ...artifacts.map((artifact) => ({
              id: eventId(artifact.id),
              type: 'artifact.emitted' as const,
              data: { task_id: request.taskId, artifact_id: artifact.id, type: artifact.type },
            })),
            { id: eventId(), type: 'task.complete', data: { task_id: request.taskId, from: 'running', to: 'complete' } },
          ],
          patch: { status: 'complete', output, progress: 1, completedAt: at, executions, error: null },
          artifacts,
          onlyWhileStatus: 'running',
        },
      );
      const recorded = written === 'appended' || written === 'duplicate';
      return { kind: 'complete', output, artifacts, ...(recorded && { recorded: { at, executions } }) };
    }

    const context: AgentContext = {
      taskId: request.taskId,
      tenantId: request.tenantId,
      executionId: request.executionId,
      messages: request.messages,
      signal: activity.cancellationSignal,
      heartbeat: () => activity.heartbeat(),
      async sleep(ms) {
        for (let remaining = ms; remaining > 0; remaining -= HEARTBEAT_SLICE_MS) {
          activity.heartbeat();
          await activity.sleep(Math.min(remaining, HEARTBEAT_SLICE_MS));
        }
      },
      async progress(fraction, message) {
        if (replaying()) return;
        const clamped = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
        activity.heartbeat({ fraction: clamped, message });
        await recordAgentEvent('task.progress', { fraction: clamped, message: message ?? null }, { progress: clamped, progress_message: message ?? null });
      },
      tools: {
        async call(name, args) {
          const tool = agent.tools?.[name];
          if (!tool) throw new AgentError('unknown_tool', `Agent ${request.agent} has no tool "${name}"`);
          // A checkpoint of its own: a resumed task does not call the tool again.
          return context.step(`tool ${name}`, async () => {
            const parsed = tool.input.safeParse(args);
            if (!parsed.success) throw new AgentError('invalid_tool_input', `Tool ${name}: ${parsed.error.message}`);
            const started = Date.now();
            const result = await tool.run(parsed.data, { signal: activity.cancellationSignal });
            await recordAgentEvent('tool_call.executed', { tool: name, args: parsed.data, result, duration_ms: Date.now() - started });
            return result;
          });
        },
      },
      async skills() {
        const task = await db.task.findUnique({ where: { id: request.taskId }, select: { skills: true } });
        return task?.skills ?? [];
      },
      ...services({ tenantId: request.tenantId, signal: activity.cancellationSignal }),
      async emitArtifact({ content, data, ...draft }) {
        // Named by where in the run it was emitted: a replay names it the same, and skips it.
        const index = (emittedAt.get(cursor) ?? 0) + 1;
        emittedAt.set(cursor, index);
        const id = derivedId('art', request.taskId, String(cursor), String(index));
        const gated = taskType.gated?.[draft.type] !== undefined;
        if (replaying()) {
          // Recorded when it first ran; a stream the agent opened for it is not needed.
          if (content !== undefined && typeof content !== 'string' && !Buffer.isBuffer(content)) content.destroy();
          if (gated) replay('approval');
          return id;
        }
        // The content is durable before the record exists.
        const file = content === undefined ? undefined : await storeContent(id, content);
        artifacts.push({ id, ...draft, data: data ?? null, ...(file && { file }), approvalStatus: gated ? 'pending' : 'not_required' });
        if (!gated) return id;
        return suspend({
          kind: 'approval',
          request: { title: `Approve ${draft.displayName}`, description: `This ${draft.type} takes effect only once approved.`, artifactId: id },
          effect: { artifactId: id },
        });
      },
      async step(name, work) {
        if (replaying()) {
          const entry = replay('step');
          return ('resultId' in entry ? stepResults.get(entry.resultId) : entry.result) as Awaited<ReturnType<typeof work>>;
        }
        const result = await work();
        // Named by the attempt too: a zombie attempt of a halted run never overwrites the result
        // the workflow journaled.
        const resultId = derivedId('step', request.taskId, request.executionId, String(cursor), String(activity.info.attempt));
        const stored = { value: (result ?? null) as Prisma.InputJsonValue };
        await db.stepResult.upsert({ where: { id: resultId }, create: { id: resultId, taskId: request.taskId, result: stored }, update: {} });
        return suspend({ kind: 'step', name, resultId });
      },
      async requestApproval(approval) {
        if (replaying()) return replay('approval').decision;
        return suspend({ kind: 'approval', request: approval });
      },
      async askClarification(question) {
        if (replaying()) return replay('clarification').answer;
        return suspend({ kind: 'clarification', question });
      },
    };

    // Agent code may work longer than the heartbeat timeout without calling the SDK (a long step,
    // a slow tool, a large upload): report in for it while this process is alive, so only a dead
    // worker times the attempt out, not long work.
    const keepAlive = setInterval(() => activity.heartbeat(), HEARTBEAT_SLICE_MS);
    try {
      const result = await taskType.run(context, parsed.data);
      return await recordCompletion(result);
    } catch (error) {
      if (error instanceof Suspension) return error.outcome;
      if (error instanceof AgentError) {
        throw ApplicationFailure.create({ type: error.code, message: error.message, nonRetryable: !error.options.retryable });
      }
      throw error;
    } finally {
      clearInterval(keepAlive);
    }
  };
}

/** The results of the journal's checkpointed steps that live in the database, by ID. */
async function readStepResults(db: Database, taskId: string, journal: JournalEntry[]): Promise<Map<string, unknown>> {
  const ids = journal.flatMap((entry) => (entry.kind === 'step' && 'resultId' in entry ? [entry.resultId] : []));
  if (ids.length === 0) return new Map();
  const rows = await db.stepResult.findMany({ where: { taskId, id: { in: ids } } });
  const results = new Map(rows.map((row) => [row.id, (row.result as { value: unknown }).value]));
  const missing = ids.filter((id) => !results.has(id));
  if (missing.length > 0) throw ApplicationFailure.nonRetryable(`Checkpointed step results are missing: ${missing.join(', ')}`, 'step_results_missing');
  return results;
}
