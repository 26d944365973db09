import { z } from 'zod';

const artifactType = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,99}$/, 'Expected 1 to 100 lowercase letters, digits, ".", "_" and "-"');
const mimeType = z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'Expected a MIME type such as application/json').max(200);

export const heartbeatBody = z.strictObject({ details: z.unknown().optional() });

export const progressBody = z.strictObject({
  fraction: z.number().min(0).max(1),
  message: z.string().max(2_000).optional(),
});

/** A structured artifact; a file artifact is sent as multipart (field `file`) or raw bytes with `artifactFileQuery`. */
export const artifactBody = z.strictObject({
  type: artifactType,
  display_name: z.string().min(1).max(300),
  mime_type: mimeType.default('application/json'),
  data: z.record(z.string(), z.unknown()),
});

/** A file artifact's query: both fields required (a JSON artifact carries them in its body). */
export const artifactFileQuery = z.object({
  type: artifactType.meta({ description: 'A file artifact: its type, one the task type `emits`' }),
  display_name: z.string().min(1).max(300).meta({ description: 'A file artifact: its name' }),
});

/** The callback's path: one execution. */
export const callbackParams = z.object({ execution_id: z.string().meta({ description: 'The execution (`execution_id` in the dispatch)' }) });

export const approvalBody = z.strictObject({
  title: z.string().min(1).max(300),
  description: z.string().max(5_000).optional(),
});

export const completeBody = z.strictObject({ output: z.record(z.string(), z.unknown()) });

export const failBody = z.strictObject({
  code: z.string().regex(/^[a-z0-9_.-]{1,100}$/, 'Expected 1 to 100 lowercase letters, digits, ".", "_" and "-"'),
  message: z.string().min(1).max(2_000),
  /** Try again (a fresh dispatch) if the task type's attempts allow; default: the task fails. */
  retryable: z.boolean().default(false),
});

/** What every callback answers (`GET {callback_url}` and `/heartbeat` exactly this). */
export const callbackState = z
  .object({
    task_id: z.string(),
    execution_id: z.string(),
    status: z.string(),
    /** The task was cancelled or stopped: stop working; further callbacks are refused. */
    cancel_requested: z.boolean(),
    /** The latest approval this execution asked for: `pending` until the task resumes after the decision. */
    approval: z
      .object({
        approval_id: z.string().nullable(),
        status: z.enum(['pending', 'approved', 'denied', 'expired', 'cancelled']),
        comment: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'AgentCallbackState' });
export type CallbackState = z.infer<typeof callbackState>;

export const artifactReceived = callbackState.extend({ artifact_id: z.string() }).meta({ id: 'AgentCallbackArtifact' });
