import type { Readable } from 'node:stream';
import {
  type AgentArtifacts,
  type AgentContext,
  AgentError,
  type AgentEvents,
  type AgentFiles,
  type ApprovalDecision,
  type ArtifactDraft,
  type OpenedContent,
  type TaskMessage,
} from '../../agents/sdk';

export interface EmittedArtifact extends Omit<ArtifactDraft, 'content'> {
  id: string;
  /** File content, read whole. */
  content?: Buffer;
}

export interface FakeAgentContext extends AgentContext {
  emitted: EmittedArtifact[];
  progressReports: { fraction: number; message?: string }[];
  approvalRequests: string[];
  toolCalls: { name: string; args: unknown }[];
}

/**
 * An AgentContext for unit-testing agent code without Temporal or a database: steps run at once,
 * approvals answer with `decide`, clarifications with `answer`, and the platform services are
 * whatever the test passes (each refuses by default).
 */
export function fakeAgentContext(options: {
  messages?: TaskMessage[];
  files?: AgentFiles;
  fetch?: (url: string) => Promise<OpenedContent>;
  artifacts?: AgentArtifacts;
  events?: AgentEvents;
  decide?: (title: string) => ApprovalDecision;
  answer?: (question: string) => string;
  signal?: AbortSignal;
  skills?: string[];
} = {}): FakeAgentContext {
  const refuse = (what: string) => async (): Promise<never> => {
    throw new AgentError('not_available', `${what} is not available in this test`);
  };
  let artifactCount = 0;
  const context: FakeAgentContext = {
    taskId: 'task_TEST',
    tenantId: 'tenant_TEST',
    executionId: 'exe_TEST',
    messages: options.messages ?? [],
    signal: options.signal ?? new AbortController().signal,
    emitted: [],
    progressReports: [],
    approvalRequests: [],
    toolCalls: [],
    heartbeat() {},
    async sleep(ms) {
      await new Promise((resolve) => setTimeout(resolve, ms));
    },
    async progress(fraction, message) {
      context.progressReports.push({ fraction, message });
    },
    async emitArtifact({ content, ...draft }) {
      artifactCount += 1;
      const id = `art_TEST${artifactCount}`;
      context.emitted.push({ id, ...draft, ...(content !== undefined && { content: await readWhole(content) }) });
      return id;
    },
    step: (_name, work) => work(),
    async requestApproval(request) {
      context.approvalRequests.push(request.title);
      return options.decide?.(request.title) ?? { decision: 'approved', comment: null, decidedBy: 'tester@example.com' };
    },
    async askClarification(question) {
      if (!options.answer) throw new Error(`Unexpected question: ${question}`);
      return options.answer(question);
    },
    tools: {
      async call(name, args) {
        context.toolCalls.push({ name, args });
        throw new AgentError('unknown_tool', `No tool "${name}" in this test`);
      },
    },
    skills: async () => options.skills ?? [],
    files: options.files ?? { list: async () => [], open: refuse('files.open') },
    fetch: options.fetch ?? refuse('fetch'),
    artifacts: options.artifacts ?? { get: async () => null, list: async () => [] },
    events: options.events ?? { list: async () => [] },
  };
  return context;
}

async function readWhole(content: Buffer | string | Readable): Promise<Buffer> {
  if (Buffer.isBuffer(content)) return content;
  if (typeof content === 'string') return Buffer.from(content);
  const chunks: Buffer[] = [];
  for await (const chunk of content) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}
