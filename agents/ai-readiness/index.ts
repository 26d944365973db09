import { type AgentDefinition, defineTaskType } from '../sdk';
import { fullAudit } from './audit/full-audit';
import { gapSummary } from './gap-summary';
import { fullAuditInput, gapSummaryInput, questionnaireInput } from './inputs';
import { respondToQuestionnaire } from './questionnaire/respond';

const TWO_HOURS_MS = 2 * 60 * 60 * 1000;

/** Audits evidence (documents, archives, a source tree) for EU AI Act / NIST AI RMF readiness, locally and deterministically. */
export const aiReadinessAgent: AgentDefinition = {
  slug: 'ai-readiness',
  aliases: ['ai-readiness-agent'],
  name: 'AI Readiness',
  description:
    'Audits evidence (uploaded documents and archives, an archive URL, or an allowed server directory) for EU AI Act and NIST AI RMF readiness, ' +
    'summarises the gaps for executives, and drafts questionnaire answers grounded in the evidence.',
  defaultTaskType: 'ai_readiness.full_audit',
  taskTypes: {
    'ai_readiness.full_audit': defineTaskType({
      description:
        'Scans the evidence, scores seven domains 0–100 against a published rubric, and emits an `ai_readiness.audit_report` ' +
        '(scores, gaps with severity, missing evidence and remediation, the files behind each point) and a Markdown report.',
      input: fullAuditInput,
      emits: ['ai_readiness.audit_report', 'ai_readiness.audit_report_document'],
      timeoutMs: TWO_HOURS_MS,
      maximumAttempts: 3,
      run: fullAudit,
    }),
    'ai_readiness.gap_summary': defineTaskType({
      description: 'Lists the gaps of an audit report (by default the latest) by severity, without technical detail, as an `ai_readiness.gap_summary`.',
      input: gapSummaryInput,
      emits: ['ai_readiness.gap_summary'],
      timeoutMs: TWO_HOURS_MS,
      maximumAttempts: 3,
      run: gapSummary,
    }),
    'questionnaire.respond': defineTaskType({
      description:
        'Reads a questionnaire (PDF, DOCX, CSV, JSON or text), finds its questions and drafts each answer from the evidence, citing file ' +
        'and excerpt with a confidence, or "No evidence found"; emits `ai_readiness.questionnaire_response` and the filled-in questionnaire.',
      input: questionnaireInput,
      emits: ['ai_readiness.questionnaire_response', 'ai_readiness.questionnaire_document'],
      timeoutMs: TWO_HOURS_MS,
      maximumAttempts: 3,
      run: respondToQuestionnaire,
    }),
  },
};
