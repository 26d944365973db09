import { createCipheriv, createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { FILE_ID_PATTERN } from '../../lib/ids';
import {
  AgentError,
  type AgentContext,
  type AgentDefinition,
  type ArtifactEffect,
  type OpenedContent,
  DEFAULT_APPROVAL_POLICY,
  type TaskTypeDefinition,
  defineTaskType,
} from '../sdk';
import { textTools } from '../text-tools';

const echoInput = z.strictObject({
  message: z.string().max(10_000).optional().describe('Text to echo back.'),
  sleep_ms: z.number().int().min(0).max(3_600_000).optional().describe('How long to work before answering, in ms.'),
  steps: z
    .number()
    .int()
    .min(0)
    .max(10_000)
    .optional()
    .describe('Checkpointed steps to work through first, each reporting progress.'),
  step_ms: z.number().int().min(0).max(600_000).optional().describe('How long each step works, in ms.'),
  ask_clarification: z.string().min(1).max(2_000).optional().describe('Ask this question and wait for the answer (via process).'),
  require_approval: z.boolean().optional().describe('Ask for approval of the result before completing; a denial fails the task.'),
  approval_timeout_ms: z.number().int().min(1_000).max(365 * 24 * 60 * 60 * 1000).optional().describe("Overrides the task type's approval timeout."),
  emit_file: z
    .strictObject({
      display_name: z.string().min(1).max(255),
      mime_type: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'a MIME type like text/csv').default('application/octet-stream'),
      size_bytes: z.number().int().min(0).max(512 * 1024 * 1024),
    })
    .optional()
    .describe('Also emit a file artifact of this name, type and size (deterministic bytes).'),
  emit_draft: z
    .strictObject({ to: z.email(), subject: z.string().min(1).max(500), body: z.string().max(50_000) })
    .optional()
    .describe('Also emit an approval-gated `echo.email_draft`; once approved it is sent through the mail transport.'),
  call_tools: z
    .array(z.strictObject({ name: z.string().min(1).max(100), args: z.record(z.string(), z.unknown()).default({}) }))
    .max(20)
    .optional()
    .describe('Call these tools (`uppercase`, `word_count`) first; their results are echoed.'),
  fetch_url: z.url().max(4_000).optional().describe('Fetch this URL (through the outbound URL policy) and echo its name, type, size and sha256.'),
  read_file: z.string().regex(FILE_ID_PATTERN, 'a file ID (file_…)').optional().describe('Read this uploaded file and echo its name, type, size and sha256.'),
  fail_with: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,63}$/, 'lower_snake_case error code')
    .optional()
    .describe('Fail the task with this error code (after working).'),
});
type EchoInput = z.output<typeof echoInput>;

async function echo(context: AgentContext, input: EchoInput) {
  const steps = input.steps ?? 0;
  for (let step = 1; step <= steps; step++) {
    await context.step(`step ${step}`, async () => {
      if (input.step_ms) await context.sleep(input.step_ms);
      await context.progress(step / (steps + 1), `Step ${step} of ${steps}`);
      return step;
    });
  }
  const toolResults: unknown[] = [];
  for (const call of input.call_tools ?? []) toolResults.push(await context.tools.call(call.name, call.args));
  if (input.sleep_ms) await context.step('work', () => context.sleep(input.sleep_ms!));
  const fetched = input.fetch_url ? await describeContent(await context.fetch(input.fetch_url)) : null;
  const file = input.read_file ? await describeContent(await context.files.open(input.read_file)) : null;
  if (input.fail_with) throw new AgentError(input.fail_with, `Failed on request (fail_with: ${input.fail_with}).`);

  const clarification = input.ask_clarification ? await context.askClarification(input.ask_clarification) : null;
  const echoed = {
    message: input.message ?? null,
    input,
    clarification,
    messages: context.messages.map((message) => message.text),
    tool_results: toolResults,
    ...(fetched && { fetched }),
    ...(file && { file }),
  };
  const artifactId = await context.emitArtifact({ type: 'echo.result', displayName: 'echo.json', mimeType: 'application/json', data: echoed });
  if (input.emit_file) {
    const { display_name, mime_type, size_bytes } = input.emit_file;
    await context.emitArtifact({ type: 'echo.file', displayName: display_name, mimeType: mime_type, content: deterministicBytes(context.taskId, size_bytes) });
  }
  const draftId = input.emit_draft
    ? await context.emitArtifact({ type: 'echo.email_draft', displayName: `Email to ${input.emit_draft.to}`, mimeType: 'application/json', data: input.emit_draft })
    : null;

  let approval: string | null = null;
  if (input.require_approval) {
    const decided = await context.requestApproval({
      title: 'Publish the echo',
      description: input.message ?? 'The echoed input',
      artifactId,
      ...(input.approval_timeout_ms && { timeoutMs: input.approval_timeout_ms }),
    });
    if (decided.decision === 'denied') {
      throw new AgentError('approval_denied', `Denied by ${decided.decidedBy ?? 'an approver'}${decided.comment ? `: ${decided.comment}` : ''}`);
    }
    approval = decided.decision;
  }
  return { output: { ...echoed, approval, draft_artifact_id: draftId } };
}

/** Reads the content whole and says what it was. */
async function describeContent({ name, mimeType, content }: OpenedContent) {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of content) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { name, mime_type: mimeType, size_bytes: size, sha256: hash.digest('hex') };
}

const sendDraft: ArtifactEffect = {
  description: 'Sends the drafted email through the mail transport.',
  async run(artifact, { mail, idempotencyKey, signal }) {
    const draft = artifact.data as { to: string; subject: string; body: string };
    await mail.send({ tenantId: artifact.tenantId, ...draft }, { idempotencyKey, signal });
  },
};

/** `size` bytes that look random but are the same for the same seed (AES-256-CTR over zeros). */
export function deterministicBytes(seed: string, size: number): Readable {
  const cipher = createCipheriv('aes-256-ctr', createHash('sha256').update(seed).digest(), Buffer.alloc(16));
  const CHUNK = 64 * 1024;
  let remaining = size;
  return new Readable({
    read() {
      if (remaining === 0) return void this.push(null);
      const length = Math.min(CHUNK, remaining);
      remaining -= length;
      this.push(cipher.update(Buffer.alloc(length)));
    },
  });
}

const echoTaskType = (description: string, onTimeout: 'fail' | 'continue'): TaskTypeDefinition =>
  defineTaskType({
    description,
    input: echoInput,
    emits: ['echo.result', 'echo.file', 'echo.email_draft'],
    timeoutMs: 2 * 60 * 60 * 1000,
    maximumAttempts: 3,
    approval: { ...DEFAULT_APPROVAL_POLICY, onTimeout },
    gated: { 'echo.email_draft': sendDraft },
    run: echo,
  });

/** A demo agent that answers with what it was given; its inputs drive every path of the task engine. */
export const echoAgent: AgentDefinition = {
  slug: 'echo',
  aliases: ['echo-agent'],
  name: 'Echo',
  description: 'Echoes its input back as an artifact, optionally after working, asking a question or asking for approval.',
  defaultTaskType: 'echo',
  tools: textTools,
  taskTypes: {
    echo: echoTaskType('Echo the input back as an `echo.result` artifact. An approval nobody answers fails the task.', 'fail'),
    echo_best_effort: echoTaskType('Like `echo`, but an approval nobody answers lets the task complete without it.', 'continue'),
  },
};
