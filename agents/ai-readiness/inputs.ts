import { z } from 'zod';
import { FRAMEWORKS } from './audit/rubric';

const fileId = z.string().min(1).max(100);
const httpUrl = z.url({ protocol: /^https?$/ });

const evidenceSource = z.union([
  fileId.describe('An uploaded file (`/v1/files`): a zip, tar.gz or .tgz archive, or a single document.'),
  z.strictObject({ file_ids: z.array(fileId).min(1).max(100).describe('Uploaded files: archives or documents.') }),
  z.strictObject({ archive_url: httpUrl.describe('A zip or tar.gz archive to download, through the outbound URL policy.') }),
  z.strictObject({ path: z.string().min(1).max(4096).describe('A server directory inside one of the operator\'s AUDIT_ALLOWED_DIRS.') }),
]);

const sourceDescription = 'Where the evidence is. Default: the tenant\'s files uploaded with purpose `evidence`, archives among them extracted.';

export const fullAuditInput = z.strictObject({
  scope: z
    .enum(['full', 'quick'])
    .default('full')
    .describe('`full` reads the text of every document, PDF and DOCX included; `quick` reads only plain-text files, less of each.'),
  focus_framework: z.enum(FRAMEWORKS).default('eu_ai_act').describe('The framework the overall score, references and weights follow.'),
  source: evidenceSource.optional().describe(sourceDescription),
});
export type FullAuditInput = z.output<typeof fullAuditInput>;

export const gapSummaryInput = z.strictObject({
  report_artifact_id: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('The `ai_readiness.audit_report` artifact to summarise. Default: the tenant\'s latest.'),
});
export type GapSummaryInput = z.output<typeof gapSummaryInput>;

export const questionnaireInput = z
  .strictObject({
    document_url: httpUrl.optional().describe('The questionnaire to answer (PDF, DOCX, CSV, JSON or text), downloaded through the outbound URL policy.'),
    file_id: fileId.optional().describe('The questionnaire as an uploaded file (`/v1/files`).'),
    source: evidenceSource.optional().describe(sourceDescription),
  })
  .refine((input) => (input.document_url === undefined) !== (input.file_id === undefined), {
    message: 'give exactly one of document_url and file_id',
    path: ['document_url'],
  });
export type QuestionnaireInput = z.output<typeof questionnaireInput>;
