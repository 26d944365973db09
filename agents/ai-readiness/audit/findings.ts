import type { JsonObject } from '../../sdk';
import { DOMAINS, FRAMEWORK_WEIGHTS, type Framework, SEVERITIES, type Severity } from './rubric';
import type { Scope, ScanResult } from './scan';

export interface CheckResult {
  check: string;
  label: string;
  points_earned: number;
  points_possible: number;
  evidence_files: string[];
}

export interface DomainResult {
  title: string;
  score: number;
  framework_reference: string;
  checks: CheckResult[];
}

export interface Recommendation {
  gap: string;
  severity: Severity;
  evidence_missing: string[];
  remediation: string;
}

/** The scored audit: what both the JSON report and the Markdown document show. */
export interface AuditFindings {
  framework: Framework;
  scope: Scope;
  score: number;
  domains: Record<string, DomainResult>;
  /** One per check no file earned, most severe first. */
  recommendations: Recommendation[];
  scan: ScanResult;
}

/** Scores the scan against the rubric: a domain's score is the points of the checks it earned. */
export function assessFindings(scan: ScanResult, framework: Framework, scope: Scope): AuditFindings {
  const domains: Record<string, DomainResult> = {};
  const gaps: Recommendation[] = [];
  for (const domain of DOMAINS) {
    const checks = domain.checks.map((check): CheckResult => {
      const files = scan.evidence[`${domain.id}.${check.id}`] ?? [];
      if (files.length === 0) {
        const { gap, severity, evidenceMissing, remediation } = check;
        gaps.push({ gap, severity, evidence_missing: evidenceMissing, remediation });
      }
      return { check: check.id, label: check.label, points_earned: files.length > 0 ? check.points : 0, points_possible: check.points, evidence_files: files };
    });
    const score = checks.reduce((sum, check) => sum + check.points_earned, 0);
    domains[domain.id] = { title: domain.title, score, framework_reference: domain.references[framework], checks };
  }
  const weights = FRAMEWORK_WEIGHTS[framework];
  const score = Math.round(DOMAINS.reduce((sum, domain) => sum + weights[domain.id]! * domains[domain.id]!.score, 0) / 100);
  // A stable sort: within a severity, gaps keep the rubric's order.
  const recommendations = gaps.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  return { framework, scope, score, domains, recommendations, scan };
}

/** The `ai_readiness.audit_report` artifact's data: the seed's fields first, then the detail. */
export function auditReportData(findings: AuditFindings): JsonObject {
  const { framework, scope, score, domains, recommendations, scan } = findings;
  return {
    gaps_found: recommendations.length,
    critical: recommendations.filter((recommendation) => recommendation.severity === 'critical').length,
    [`${framework}_score`]: score,
    domains: Object.fromEntries(Object.entries(domains).map(([id, domain]) => [id, domain.score])),
    recommendations,
    framework,
    scope,
    files_scanned: scan.filesScanned,
    files_read: scan.filesRead,
    files_unreadable: scan.filesUnreadable,
    source: scan.source,
    domain_details: Object.fromEntries(
      Object.entries(domains).map(([id, { score: domainScore, framework_reference, checks }]) => [id, { score: domainScore, framework_reference, checks }]),
    ),
  };
}
