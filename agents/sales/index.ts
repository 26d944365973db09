import { z } from 'zod';
import {
  AgentError,
  type AgentContext,
  type AgentDefinition,
  type ArtifactEffect,
  DEFAULT_APPROVAL_POLICY,
  defineTaskType,
} from '../sdk';
import { type EmailDraft, TONES, buildEmailDraft, leadSchema, placeholderList, placeholderProblems, placeholderValues, singleLine } from './draft';
import { summarisePipeline } from './pipeline-report';

const SLUG = 'sales';
const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_REPORT_DAYS = 30;
// Caps on what one report reads; a report that reaches one says it is not complete.
const EVENT_LIMIT = 20_000;
const DRAFT_LIMIT = 10_000;

const emailDraftInput = z
  .strictObject({
    lead: leadSchema.describe('Who the email is for.'),
    tone: z.enum(TONES).default('friendly').describe('How the built-in draft sounds (when no template is given).'),
    template: z
      .string()
      .min(1)
      .max(20_000)
      .optional()
      .describe(`The body, replacing the tone's; placeholders ${placeholderList} are filled in from the lead and sender_name.`),
    subject: singleLine(500).optional().describe("The subject, with the same placeholders (default: the tone's subject)."),
    sender_name: singleLine(200).optional().describe('Who signs the email ({{sender}}).'),
  })
  .superRefine((input, context) => {
    const values = placeholderValues(input.lead, input.sender_name);
    for (const field of ['template', 'subject'] as const) {
      for (const message of placeholderProblems(input[field] ?? '', values)) context.addIssue({ code: 'custom', path: [field], message });
    }
  });
type EmailDraftInput = z.output<typeof emailDraftInput>;

const isoInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const pipelineReportInput = z
  .strictObject({
    since: isoInstant.optional().describe(`Start of the period, inclusive: an ISO 8601 date or date-time (default: ${DEFAULT_REPORT_DAYS} days before until).`),
    until: isoInstant.optional().describe('End of the period, exclusive: an ISO 8601 date or date-time (default: now).'),
  })
  .refine((input) => !input.since || !input.until || Date.parse(input.since) < Date.parse(input.until), {
    path: ['until'],
    message: 'must be after since',
  });
type PipelineReportInput = z.output<typeof pipelineReportInput>;

/** Sends the approved draft through the mail transport (the artifact ID is the idempotency key). */
const sendDraft: ArtifactEffect = {
  description: 'Sends the drafted email through the mail transport.',
  async run(artifact, { mail, idempotencyKey, signal }) {
    const { to, subject, body } = artifact.data as unknown as EmailDraft;
    await mail.send({ tenantId: artifact.tenantId, to, subject, body }, { idempotencyKey, signal });
  },
};

async function draftEmail(context: AgentContext, input: EmailDraftInput) {
  const draft = buildEmailDraft(input);
  const draftId = await context.emitArtifact({
    type: 'sales.email_draft',
    displayName: `Email to ${draft.to}`,
    mimeType: 'application/json',
    data: { ...draft, lead: input.lead },
  });
  // Returns once a person decided; by then an approved draft has been sent.
  const decided = await context.artifacts.get(draftId);
  if (!decided) throw new AgentError('draft_deleted', `The draft ${draftId} no longer exists.`);
  return {
    output: {
      draft_artifact_id: draftId,
      to: draft.to,
      subject: draft.subject,
      approval_status: decided.approvalStatus,
      sent: decided.effectAppliedAt !== null,
      sent_at: decided.effectAppliedAt?.toISOString() ?? null,
    },
  };
}

async function pipelineReport(context: AgentContext, input: PipelineReportInput) {
  const until = input.until ? new Date(input.until) : new Date();
  const since = input.since ? new Date(input.since) : new Date(until.getTime() - DEFAULT_REPORT_DAYS * DAY_MS);
  if (since >= until) throw new AgentError('invalid_period', `The period starts (${since.toISOString()}) after it ends (${until.toISOString()}).`);

  const events = await context.events.list({ types: ['artifact.emitted', 'approval.resolved'], agent: SLUG, since, until, limit: EVENT_LIMIT });
  const drafts = await context.artifacts.list({ type: 'sales.email_draft', since, until, limit: DRAFT_LIMIT });
  const report = summarisePipeline({ since, until }, events, drafts, events.length < EVENT_LIMIT && drafts.length < DRAFT_LIMIT);
  const reportId = await context.emitArtifact({
    type: 'sales.pipeline_report',
    displayName: `Pipeline ${report.period.since.slice(0, 10)} to ${report.period.until.slice(0, 10)}`,
    mimeType: 'application/json',
    data: report,
  });
  const { period, drafted, approved, rejected, expired, withdrawn, approval_rate, pending, sent, complete } = report;
  return { output: { report_artifact_id: reportId, period, drafted, approved, rejected, expired, withdrawn, approval_rate, pending, sent, complete } };
}

/** Outreach: personalised email drafts that are sent only once approved, and a report on them. */
export const salesAgent: AgentDefinition = {
  slug: SLUG,
  aliases: ['sales-agent'],
  name: 'Sales',
  description: 'Drafts personalised outreach from lead data, sends each draft once a person approves it, and reports on the pipeline.',
  defaultTaskType: 'sales.email_draft',
  taskTypes: {
    'sales.email_draft': defineTaskType({
      description:
        'Draft an outreach email to a lead from a tone or a template, as an approval-gated `sales.email_draft`; approved, it is sent once through the mail transport. A rejected or expired draft is never sent; the task completes either way, saying whether it was sent.',
      input: emailDraftInput,
      emits: ['sales.email_draft'],
      timeoutMs: 5 * 60 * 1000,
      maximumAttempts: 3,
      approval: { ...DEFAULT_APPROVAL_POLICY, onTimeout: 'continue' },
      gated: { 'sales.email_draft': sendDraft },
      run: draftEmail,
    }),
    'sales.pipeline_report': defineTaskType({
      description:
        'Summarise the drafts, approvals, rejections, expirations and sends of a period (default: the last 30 days) as a `sales.pipeline_report`.',
      input: pipelineReportInput,
      emits: ['sales.pipeline_report'],
      timeoutMs: 10 * 60 * 1000,
      maximumAttempts: 3,
      run: pipelineReport,
    }),
  },
};
