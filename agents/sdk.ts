import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { ApprovalDecision, ApprovalPolicy, ApprovalRequest, TaskMessage, TokenUsage } from '../workflows/model';

export type { ApprovalDecision, ApprovalRequest, TaskMessage } from '../workflows/model';
export type JsonObject = { [key: string]: unknown };

/**
 * What an agent's code gets to work with while it runs inside an activity.
 *
 * Agent code runs from the top every time the task resumes (after a checkpointed step, an
 * approval or a clarification). `step`, `requestApproval` and `askClarification` return their
 * recorded results on those re-runs; `progress` and `emitArtifact` are ignored until the code
 * reaches new ground. So agent code must reach its suspension points in the same order each run,
 * and must let the internal suspension error they throw pass (do not swallow every error).
 */
export interface AgentContext {
  taskId: string;
  tenantId: string;
  executionId: string;
  /** Context given with `process`, oldest first. */
  messages: TaskMessage[];
  /** Aborted when the task is cancelled or stopped; agents pass it to their I/O. */
  signal: AbortSignal;
  /** Waits, heartbeating, and rejects as soon as the task is cancelled or stopped. */
  sleep(ms: number): Promise<void>;
  /** Tells Temporal the agent is alive; cancellation is delivered on heartbeats. */
  heartbeat(): void;
  /** Records `task.progress` (fraction 0..1) and updates the task's progress. */
  progress(fraction: number, message?: string): Promise<void>;
  /**
   * Adds an artifact to the task and returns its ID; file content is stored at once, the record
   * is written when the code next suspends or ends. A gated type (see `gated` on the task type)
   * also asks for approval: the call returns once a person decided, and the effect runs only
   * if they approved.
   */
  emitArtifact(artifact: ArtifactDraft): Promise<string>;
  /** Runs `work` once, durably: its result is recorded, and a resumed task does not redo it. */
  step<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Suspends the task in `awaiting_approval` until a person decides or the approval expires. */
  requestApproval(request: ApprovalRequest): Promise<ApprovalDecision>;
  /** Suspends the task in `needs_clarification`; resolves with the answer given to `process`. */
  askClarification(question: string): Promise<string>;
  /**
   * The agent's tools (its skills). Each call is checkpointed like `step` and recorded as
   * `tool_call.executed`; a retried attempt may call a tool again, so tools must be idempotent.
   */
  tools: { call(name: string, args: JsonObject): Promise<unknown> };
  /**
   * The task's `skills`, read when asked (they can be edited while the task waits): the tools a
   * person chose for it. Agents that pick tools themselves (llm) offer only these, or all of
   * theirs when the list is empty.
   */
  skills(): Promise<string[]>;
  /** The tenant's uploaded files (`/v1/files`). */
  files: AgentFiles;
  /**
   * Downloads a URL through the operator's outbound URL policy (private, loopback, link-local
   * and metadata addresses refused unless allowed; no redirect to a refused address; size cap,
   * timeout, content-type allow-list). Fails with AgentError `source_unreachable` naming the URL.
   */
  fetch(url: string, options?: FetchOptions): Promise<OpenedContent>;
  /** The tenant's artifacts (read-only), e.g. an earlier task's report. */
  artifacts: AgentArtifacts;
  /** The tenant's event log (read-only). */
  events: AgentEvents;
}

/** A file a tenant uploaded. */
export interface FileInfo {
  id: string;
  name: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  /** Given at upload (e.g. `evidence`, `questionnaire`, `attachment`), or null. */
  purpose: string | null;
  createdAt: Date;
}

/** Content an agent reads, with what is known about it. */
export interface OpenedContent {
  name: string;
  mimeType: string;
  /** Null when the source did not say (a fetched URL without Content-Length). */
  sizeBytes: number | null;
  content: Readable;
}

export interface AgentFiles {
  /** The tenant's files, newest first; only those uploaded with `purpose` when given. */
  list(filter?: { purpose?: string; limit?: number }): Promise<FileInfo[]>;
  /** One of the tenant's files and its content; AgentError `file_not_found` if there is none. */
  open(fileId: string): Promise<FileInfo & OpenedContent>;
}

export interface FetchOptions {
  /** MIME types accepted (default: the documents and archives agents read). */
  accept?: string[];
  /** Lower than the operator's cap, never higher. */
  maxBytes?: number;
}

/** An artifact as an agent reads it. */
export interface ArtifactInfo extends StoredArtifact {
  mimeType: string;
  approvalStatus: 'not_required' | 'pending' | 'approved' | 'rejected' | 'expired';
  /** When an approved gated artifact took effect (e.g. the draft was sent). */
  effectAppliedAt: Date | null;
  createdAt: Date;
}

export interface AgentArtifacts {
  /** One of the tenant's artifacts, or null. */
  get(artifactId: string): Promise<ArtifactInfo | null>;
  /** The tenant's artifacts, newest first. */
  list(filter?: { type?: string; since?: Date; until?: Date; limit?: number }): Promise<ArtifactInfo[]>;
}

/** An event of the tenant's log. */
export interface EventInfo {
  seq: number;
  type: string;
  taskId: string | null;
  agent: string | null;
  data: JsonObject;
  createdAt: Date;
}

export interface AgentEvents {
  /** The tenant's events in `seq` order, `since` and `until` inclusive/exclusive. */
  list(filter?: { types?: string[]; agent?: string; since?: Date; until?: Date; limit?: number }): Promise<EventInfo[]>;
}

/** A tool an agent may call: validated arguments in, JSON out. */
export interface ToolDefinition<Args extends JsonObject = JsonObject> {
  description: string;
  input: z.ZodType<Args>;
  run(args: Args, context: { signal: AbortSignal }): Promise<unknown>;
}

/** Keeps a tool's argument type tied to its schema. */
export function defineTool<Args extends JsonObject>(definition: ToolDefinition<Args>): ToolDefinition {
  return definition as unknown as ToolDefinition;
}

/** An artifact an agent produces: structured `data`, file `content`, or both. */
export interface ArtifactDraft {
  type: string;
  displayName: string;
  mimeType: string;
  data?: JsonObject;
  content?: Buffer | string | Readable;
}

/** A stored artifact, as an effect receives it. */
export interface StoredArtifact {
  id: string;
  tenantId: string;
  taskId: string;
  type: string;
  displayName: string;
  data: JsonObject | null;
}

/** What an artifact's side effect may use. */
export interface EffectContext {
  mail: MailTransport;
  /** The same for every attempt of this effect: pass it to anything that can de-duplicate. */
  idempotencyKey: string;
  /** Aborted when the worker shuts down during the effect (the attempt is then retried). */
  signal: AbortSignal;
}

export interface MailMessage {
  tenantId: string;
  to: string;
  subject: string;
  body: string;
}

/** Sends mail; `send` with an idempotency key it has seen before sends nothing. */
export interface MailTransport {
  send(message: MailMessage, options: { idempotencyKey: string; signal?: AbortSignal }): Promise<void>;
}

/** The side effect of an approval-gated artifact type, run once after approval. */
export interface ArtifactEffect {
  description: string;
  run(artifact: StoredArtifact, context: EffectContext): Promise<void>;
}

export interface AgentResult {
  output: JsonObject;
  /** Model tokens the run used, recorded on the execution. */
  usage?: TokenUsage;
}

export type { TokenUsage } from '../workflows/model';

export interface TaskTypeDefinition<Input extends JsonObject = JsonObject> {
  description: string;
  input: z.ZodType<Input>;
  /** Artifact types this task type may emit. */
  emits: string[];
  /** Wall-clock budget of one attempt. */
  timeoutMs: number;
  /** Attempts before a retryable error fails the task. */
  maximumAttempts: number;
  /** How long the agent may go without a heartbeat before its attempt fails (DEFAULT_HEARTBEAT_TIMEOUT_MS). */
  heartbeatTimeoutMs?: number;
  /** The input's JSON Schema as published, when `input` is not a zod schema that can derive it. */
  inputJsonSchema?: JsonObject;
  /** How long approvals wait and what happens when nobody answers (default: 7 days, fail). */
  approval?: ApprovalPolicy;
  /** Artifact types that take effect only once approved, with the effect each one has. */
  gated?: Record<string, ArtifactEffect>;
  run(context: AgentContext, input: Input): Promise<AgentResult>;
}

export interface AgentDefinition {
  slug: string;
  /** Other names that resolve to this agent (e.g. `ai-readiness-agent`). */
  aliases: string[];
  name: string;
  description: string;
  /** Used when a task names no task type (the AGNT shape names only the assistant). */
  defaultTaskType: string;
  /** The tools (skills) its code may call through `context.tools`. */
  tools?: Record<string, ToolDefinition>;
  /** Set for a tenant's registered agent: where it is reached over HTTP. */
  endpoint?: string;
  taskTypes: Record<string, TaskTypeDefinition>;
}

export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = { timeoutMs: 7 * 24 * 60 * 60 * 1000, onTimeout: 'fail' };

/** Keeps each task type's input type tied to its schema while the agent stays one object. */
export function defineTaskType<Input extends JsonObject>(definition: TaskTypeDefinition<Input>): TaskTypeDefinition {
  return definition as unknown as TaskTypeDefinition;
}

/**
 * An agent's way to fail a task with a machine-readable code (`error.code` on the task).
 * Non-retryable unless said otherwise: most agent failures do not heal by trying again.
 */
export class AgentError extends Error {
  override name = 'AgentError';
  constructor(
    readonly code: string,
    message: string,
    readonly options: { retryable?: boolean } = {},
  ) {
    super(message);
  }
}
