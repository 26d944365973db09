import type { AgentContext, AgentResult } from '../../sdk';
import { withEvidenceTree } from '../evidence/source';
import type { FullAuditInput } from '../inputs';
import { assessFindings, auditReportData } from './findings';
import { auditReportDocument } from './report-document';
import { scanEvidence } from './scan';

/** `ai_readiness.full_audit`: scan the evidence, score it against the rubric, report the gaps. */
export async function fullAudit(context: AgentContext, input: FullAuditInput): Promise<AgentResult> {
  // The scan is the expensive part: checkpointed, so a resumed task does not scan again.
  const scan = await context.step('scan evidence', async () => {
    await context.progress(0.02, 'Collecting the evidence');
    return withEvidenceTree(context, input.source, (tree) => scanEvidence(context, tree, input.scope));
  });
  await context.progress(0.97, 'Writing the report');
  const findings = assessFindings(scan, input.focus_framework, input.scope);
  const report = auditReportData(findings);
  const reportId = await context.emitArtifact({ type: 'ai_readiness.audit_report', displayName: 'ai-readiness-audit.json', mimeType: 'application/json', data: report });
  const documentId = await context.emitArtifact({
    type: 'ai_readiness.audit_report_document',
    displayName: 'ai-readiness-audit.md',
    mimeType: 'text/markdown',
    content: auditReportDocument(findings),
  });
  return {
    output: {
      report_artifact_id: reportId,
      document_artifact_id: documentId,
      [`${input.focus_framework}_score`]: findings.score,
      gaps_found: report.gaps_found,
      critical: report.critical,
    },
  };
}
