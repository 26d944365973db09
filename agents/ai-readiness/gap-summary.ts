import { z } from 'zod';
import { AgentError, type AgentContext, type AgentResult, type ArtifactInfo } from '../sdk';
import { FRAMEWORKS, FRAMEWORK_NAMES, SEVERITIES } from './audit/rubric';
import type { GapSummaryInput } from './inputs';

const AUDIT_REPORT = 'ai_readiness.audit_report';

/** The parts of an audit report an executive summary uses. */
const auditReport = z.object({
  framework: z.enum(FRAMEWORKS),
  eu_ai_act_score: z.number().optional(),
  nist_ai_rmf_score: z.number().optional(),
  gaps_found: z.number(),
  critical: z.number(),
  recommendations: z.array(z.object({ gap: z.string(), severity: z.enum(SEVERITIES) })),
});

/** `ai_readiness.gap_summary`: an audit report's gaps by severity, without the technical detail. */
export async function gapSummary(context: AgentContext, input: GapSummaryInput): Promise<AgentResult> {
  const artifact = await auditReportArtifact(context, input.report_artifact_id);
  const parsed = auditReport.safeParse(artifact.data);
  if (!parsed.success) throw new AgentError('no_audit_report', `Artifact ${artifact.id} is not a readable audit report`);
  const report = parsed.data;
  const score = report[`${report.framework}_score`] ?? null;
  const gapsBySeverity = Object.fromEntries(
    SEVERITIES.map((severity) => [severity, report.recommendations.filter((gap) => gap.severity === severity).map((gap) => gap.gap)]),
  );
  const counts = SEVERITIES.map((severity) => `${gapsBySeverity[severity]!.length} ${severity}`).join(', ');
  const headline = `${FRAMEWORK_NAMES[report.framework]} readiness ${score ?? '?'}/100: ${
    report.gaps_found === 0 ? 'no gaps found' : `${report.gaps_found} gaps (${counts})`
  }.`;
  const summaryId = await context.emitArtifact({
    type: 'ai_readiness.gap_summary',
    displayName: 'ai-readiness-gap-summary.json',
    mimeType: 'application/json',
    data: {
      report_artifact_id: artifact.id,
      framework: report.framework,
      score,
      gaps_found: report.gaps_found,
      critical: report.critical,
      headline,
      gaps_by_severity: gapsBySeverity,
    },
  });
  return { output: { summary_artifact_id: summaryId, report_artifact_id: artifact.id, headline } };
}

async function auditReportArtifact(context: AgentContext, artifactId: string | undefined): Promise<ArtifactInfo> {
  if (artifactId === undefined) {
    const [latest] = await context.artifacts.list({ type: AUDIT_REPORT, limit: 1 });
    if (!latest) throw new AgentError('no_audit_report', 'The tenant has no audit report yet; run ai_readiness.full_audit first');
    return latest;
  }
  const artifact = await context.artifacts.get(artifactId);
  if (!artifact || artifact.type !== AUDIT_REPORT) throw new AgentError('no_audit_report', `No audit report ${artifactId}`);
  return artifact;
}
