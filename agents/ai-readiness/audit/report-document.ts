import { FRAMEWORK_NAMES, SEVERITIES } from './rubric';
import type { AuditFindings } from './findings';
import { cell, code } from '../markdown';

/** The audit as a Markdown document for people: scores, gaps by severity, the evidence behind each point. */
export function auditReportDocument(findings: AuditFindings): string {
  const { framework, scope, score, domains, recommendations, scan } = findings;
  const critical = recommendations.filter((recommendation) => recommendation.severity === 'critical').length;
  const lines = [
    `# AI readiness audit: ${FRAMEWORK_NAMES[framework]}`,
    '',
    `**Score ${score}/100** · ${recommendations.length} gaps, ${critical} critical · ${scan.filesScanned} files scanned, ${scan.filesRead} read · scope \`${scope}\``,
    '',
    '## Domains',
    '',
    '| Domain | Score | Reference |',
    '| --- | ---: | --- |',
    ...Object.values(domains).map((domain) => `| ${domain.title} | ${domain.score} | ${cell(domain.framework_reference)} |`),
    '',
    '## Gaps',
  ];
  if (recommendations.length === 0) lines.push('', 'None: every check found its evidence.');
  for (const severity of SEVERITIES) {
    const gaps = recommendations.filter((recommendation) => recommendation.severity === severity);
    if (gaps.length === 0) continue;
    lines.push('', `### ${severity[0]!.toUpperCase()}${severity.slice(1)}`, '');
    for (const gap of gaps) {
      lines.push(`- **${gap.gap}.** ${gap.remediation}`, `  Missing: ${gap.evidence_missing.join('; ')}`);
    }
  }
  lines.push('', '## Evidence by domain');
  for (const domain of Object.values(domains)) {
    lines.push('', `### ${domain.title}: ${domain.score}/100`, '', '| Check | Points | Evidence |', '| --- | ---: | --- |');
    for (const check of domain.checks) {
      const evidence = check.evidence_files.length > 0 ? check.evidence_files.map(code).join(', ') : 'none found';
      lines.push(`| ${cell(check.label)} | ${check.points_earned}/${check.points_possible} | ${cell(evidence)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
