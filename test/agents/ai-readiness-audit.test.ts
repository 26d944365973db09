import fs from 'node:fs';
import path from 'node:path';
import { fakeAgentContext } from '../support/fake-agent-context';
import { acmeEvidence, fakeFiles, fetched, removeScratchDirs, runTask, scratchDir, tarGzOf, withAuditEnv, writeTree, zipOf } from './ai-readiness-fixtures';

afterAll(removeScratchDirs);

// What the rubric gives the acme evidence: each domain's checks earned, by the files that hold them.
const ACME_DOMAINS = {
  risk_classification: 50, // stated category (README "high-risk") 30 + intended use 20
  human_oversight: 60, // oversight described 35 + override 25
  data_governance: 50, // provenance ("training data") 25 + retention policy 25
  transparency: 80, // model card 40 + limitations 20 + README 20
  security: 75, // SECURITY.md 25 + CI 20 + npm audit 15 + penetration test 15; CODEOWNERS only under vendor/
  technical_documentation: 80, // docs/ 20 + tests 20 + evaluation 20 + LICENSE 20
  record_keeping: 50, // logger 30 + incident response 20
};

const ACME_GAPS = [
  ['critical', 'No AI risk assessment or risk register'],
  ['critical', 'No datasheet for the data the system is trained or evaluated on'],
  ['high', 'No examination of data quality or bias'],
  ['high', 'Users are not told when they interact with AI or see AI-generated content'],
  ['high', 'No evidence of access control'],
  ['high', 'The system architecture is not described'],
  ['high', "No audit trail of the system's decisions"],
  ['medium', 'No impact assessment'],
  ['medium', 'No named owner or roles for the AI system'],
  ['medium', 'No training or instructions for the people overseeing the system'],
  ['medium', 'How long logs are kept is not stated'],
  ['low', 'No record of changes to the system'],
];

type Report = {
  gaps_found: number;
  critical: number;
  eu_ai_act_score?: number;
  nist_ai_rmf_score?: number;
  domains: Record<string, number>;
  recommendations: { gap: string; severity: string; evidence_missing: string[]; remediation: string }[];
  domain_details: Record<string, { score: number; checks: { check: string; points_earned: number; points_possible: number; evidence_files: string[] }[] }>;
  files_scanned: number;
  framework: string;
  scope: string;
  source: unknown;
};

function evidenceOf(report: Report, domain: string, check: string): string[] {
  return report.domain_details[domain]!.checks.find((candidate) => candidate.check === check)!.evidence_files;
}

async function audit(options: Parameters<typeof fakeAgentContext>[0], input: Record<string, unknown> = {}) {
  const context = fakeAgentContext(options);
  const output = await runTask('ai_readiness.full_audit', context, { scope: 'full', focus_framework: 'eu_ai_act', ...input });
  const report = context.emitted.find((artifact) => artifact.type === 'ai_readiness.audit_report')!;
  const document = context.emitted.find((artifact) => artifact.type === 'ai_readiness.audit_report_document')!;
  return { context, output, report: report.data as unknown as Report, document: document.content!.toString('utf8'), documentArtifact: document };
}

describe('ai_readiness.full_audit scoring', () => {
  let root: string;
  beforeAll(async () => {
    root = path.join(scratchDir('acme'), 'acme');
    writeTree(root, await acmeEvidence());
  });

  it('scores a server directory exactly by the rubric, listing each gap with its severity', async () => {
    const { report, output, context, document, documentArtifact } = await withAuditEnv({ AUDIT_ALLOWED_DIRS: path.dirname(root) }, () => audit({}, { source: { path: root } }));

    expect(report.domains).toEqual(ACME_DOMAINS);
    // Weighted for the EU AI Act: (20·50 + 15·60 + 15·50 + 10·80 + 15·75 + 15·80 + 10·50) / 100
    expect(report.eu_ai_act_score).toBe(63);
    expect(report.recommendations.map((gap) => [gap.severity, gap.gap])).toEqual(ACME_GAPS);
    expect(report.gaps_found).toBe(12);
    expect(report.critical).toBe(2);
    expect(report.files_scanned).toBe(11);
    expect(report).toMatchObject({ framework: 'eu_ai_act', scope: 'full', source: { type: 'path', path: root } });
    expect(report.recommendations[1]).toEqual({
      gap: 'No datasheet for the data the system is trained or evaluated on',
      severity: 'critical',
      evidence_missing: ['docs/data/', 'datasheet.md'],
      remediation: expect.stringContaining('datasheet'),
    });

    expect(evidenceOf(report, 'transparency', 'model_card')).toEqual(['docs/models/scorer.md']);
    expect(evidenceOf(report, 'technical_documentation', 'docs_folder')).toEqual(['docs/incident-response.docx', 'docs/models/scorer.md', 'docs/oversight.md']);
    expect(evidenceOf(report, 'data_governance', 'provenance')).toEqual(['docs/models/scorer.md', 'policies/retention.pdf']);
    expect(evidenceOf(report, 'data_governance', 'privacy_and_retention')).toEqual(['policies/retention.pdf']);
    expect(evidenceOf(report, 'record_keeping', 'incident_response')).toEqual(['docs/incident-response.docx']);
    expect(evidenceOf(report, 'record_keeping', 'logging')).toEqual(['src/logger.ts']);
    expect(evidenceOf(report, 'security', 'dependency_scanning')).toEqual(['.github/workflows/ci.yml']);
    expect(evidenceOf(report, 'security', 'access_control')).toEqual([]);
    expect(report.domain_details.human_oversight!.checks).toEqual([
      { check: 'oversight_described', label: expect.any(String), points_earned: 35, points_possible: 35, evidence_files: ['docs/oversight.md'] },
      { check: 'intervention', label: expect.any(String), points_earned: 25, points_possible: 25, evidence_files: ['docs/oversight.md'] },
      { check: 'accountability', label: expect.any(String), points_earned: 0, points_possible: 20, evidence_files: [] },
      { check: 'operator_training', label: expect.any(String), points_earned: 0, points_possible: 20, evidence_files: [] },
    ]);

    expect(output).toEqual({ report_artifact_id: 'art_TEST1', document_artifact_id: 'art_TEST2', eu_ai_act_score: 63, gaps_found: 12, critical: 2 });
    expect(documentArtifact).toMatchObject({ mimeType: 'text/markdown', displayName: 'ai-readiness-audit.md' });
    expect(document).toContain('**Score 63/100** · 12 gaps, 2 critical');
    expect(document).toContain('| A model card | 40/40 | `docs/models/scorer.md` |');
    expect(document).toContain('- **No AI risk assessment or risk register.**');
    const fractions = context.progressReports.map((report) => report.fraction);
    expect(fractions.length).toBeGreaterThanOrEqual(3);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it('scores the same evidence uploaded as a zip, paths named inside the archive', async () => {
    const entries = Object.entries(await acmeEvidence()).map(([name, content]) => ({ name, content }));
    const files = fakeFiles([{ id: 'file_zip', name: 'acme.zip', content: await zipOf(entries) }]);
    const { report } = await audit({ files }, { source: 'file_zip' });
    expect(report.domains).toEqual(ACME_DOMAINS);
    expect(report.recommendations.map((gap) => [gap.severity, gap.gap])).toEqual(ACME_GAPS);
    expect(evidenceOf(report, 'transparency', 'model_card')).toEqual(['acme.zip/docs/models/scorer.md']);
    expect(report.source).toEqual({ type: 'file', file_id: 'file_zip' });
  });

  it('scores the same evidence downloaded as a tar.gz from archive_url', async () => {
    const archive = await tarGzOf(root);
    const fetchedUrls: string[] = [];
    const fetch = async (url: string) => {
      fetchedUrls.push(url);
      return fetched('acme.tar.gz', 'application/gzip', archive);
    };
    const { report } = await audit({ fetch }, { source: { archive_url: 'https://evidence.example/acme.tar.gz' } });
    expect(fetchedUrls).toEqual(['https://evidence.example/acme.tar.gz']);
    expect(report.domains).toEqual(ACME_DOMAINS);
    expect(evidenceOf(report, 'record_keeping', 'logging')).toEqual(['acme.tar.gz/src/logger.ts']);
  });

  it('audits the tenant\'s evidence uploads by default, archives extracted, other uploads left out', async () => {
    const evidence = await acmeEvidence();
    const archive = await zipOf(Object.entries(evidence).filter(([name]) => name !== 'SECURITY.md').map(([name, content]) => ({ name, content })));
    const files = fakeFiles([
      { id: 'file_1', name: 'repo.zip', content: archive, purpose: 'evidence' },
      { id: 'file_2', name: 'SECURITY.md', content: Buffer.from(evidence['SECURITY.md']!), purpose: 'evidence' },
      { id: 'file_3', name: 'risk-assessment.md', content: Buffer.from('Risks of the scorer.'), purpose: 'questionnaire' },
    ]);
    const { report } = await audit({ files });
    expect(report.domains).toEqual(ACME_DOMAINS);
    expect(evidenceOf(report, 'security', 'security_policy')).toEqual(['SECURITY.md']);
    expect(evidenceOf(report, 'risk_classification', 'risk_assessment')).toEqual([]);
    expect(report.source).toEqual({ type: 'evidence_files', files: 2 });
  });

  it('weighs the same evidence for the NIST AI RMF when asked', async () => {
    const entries = Object.entries(await acmeEvidence()).map(([name, content]) => ({ name, content }));
    const files = fakeFiles([{ id: 'file_zip', name: 'acme.zip', content: await zipOf(entries) }]);
    const { report, output, document } = await audit({ files }, { source: 'file_zip', focus_framework: 'nist_ai_rmf' });
    // (20·50 + 15·60 + 15·50 + 15·80 + 15·75 + 10·80 + 10·50) / 100
    expect(report.nist_ai_rmf_score).toBe(63);
    expect(report.eu_ai_act_score).toBeUndefined();
    expect(output.nist_ai_rmf_score).toBe(63);
    expect(document).toContain('# AI readiness audit: NIST AI RMF');
    expect(document).toContain('MEASURE (security, resilience)');
  });

  it('in quick scope reads no PDF or DOCX text, so evidence only they hold is not found', async () => {
    const { report } = await withAuditEnv({ AUDIT_ALLOWED_DIRS: path.dirname(root) }, () => audit({}, { source: { path: root }, scope: 'quick' }));
    // retention.pdf still counts by its name; the DOCX's incident text is not read, but its name says "incident".
    expect(report.domains).toEqual(ACME_DOMAINS);
    expect(evidenceOf(report, 'data_governance', 'provenance')).toEqual(['docs/models/scorer.md']);
    expect(report.scope).toBe('quick');
  });

  it('completes with no evidence at all: every domain 0, every check a gap with its missing evidence', async () => {
    const { report, output } = await audit({});
    expect(report.domains).toEqual({
      risk_classification: 0,
      human_oversight: 0,
      data_governance: 0,
      transparency: 0,
      security: 0,
      technical_documentation: 0,
      record_keeping: 0,
    });
    expect(report.eu_ai_act_score).toBe(0);
    expect(report.gaps_found).toBe(31);
    expect(report.critical).toBe(7);
    expect(report.files_scanned).toBe(0);
    expect(report.recommendations.every((gap) => gap.evidence_missing.length > 0 && gap.remediation.length > 0)).toBe(true);
    expect(report.recommendations.map((gap) => gap.severity)).toEqual([...Array(7).fill('critical'), ...Array(12).fill('high'), ...Array(10).fill('medium'), ...Array(2).fill('low')]);
    expect(report.recommendations[0]).toEqual({
      gap: 'No AI risk assessment or risk register',
      severity: 'critical',
      evidence_missing: ['docs/risk-assessment.md', 'risk_register.*'],
      remediation: expect.any(String),
    });
    expect(output).toMatchObject({ eu_ai_act_score: 0, gaps_found: 31, critical: 7 });
  });

  it('earns every point when every piece of evidence is there', async () => {
    const dir = scratchDir('complete');
    writeTree(dir, {
      ...(await acmeEvidence()),
      'docs/risk-assessment.md': 'Risks, likelihood and impact.\n',
      'docs/impact-assessment.md': 'A fundamental rights impact assessment.\n',
      'docs/governance.md':
        'Roles and responsibilities: the head of credit is the accountable owner. Operator training covers the limits of the score.\n',
      'docs/data/loans.md': 'Bias review: approval rates compared across age groups.\n',
      'docs/architecture.md': 'System architecture: API, scorer, review queue.\n',
      'docs/logging.md': 'Every decision goes to the audit log. Logs are retained for 12 months.\n',
      'docs/notice.md': 'Applicants are told the score is AI-generated.\n',
      CODEOWNERS: '* @acme/credit-risk\n',
      'CHANGELOG.md': '## 1.2.0\n',
    });
    const { report } = await withAuditEnv({ AUDIT_ALLOWED_DIRS: dir }, () => audit({}, { source: { path: dir } }));
    expect(Object.values(report.domains)).toEqual([100, 100, 100, 100, 100, 100, 100]);
    expect(report).toMatchObject({ eu_ai_act_score: 100, gaps_found: 0, critical: 0, recommendations: [] });
  });

  it('records the scan as one small step, and a resumed task reports from the record without scanning again', async () => {
    const entries = Object.entries(await acmeEvidence()).map(([name, content]) => ({ name, content }));
    const first = fakeAgentContext({ files: fakeFiles([{ id: 'file_zip', name: 'acme.zip', content: await zipOf(entries) }]) });
    const recorded = new Map<string, string>();
    first.step = async (name, work) => {
      const result = await work();
      recorded.set(name, JSON.stringify(result));
      return result;
    };
    await runTask('ai_readiness.full_audit', first, { source: 'file_zip' });
    expect([...recorded.keys()]).toEqual(['scan evidence']);
    expect(recorded.get('scan evidence')!.length).toBeLessThan(10_000);

    const resumed = fakeAgentContext({
      files: {
        list: async () => [],
        open: async () => {
          throw new Error('the evidence was opened again');
        },
      },
    });
    resumed.step = async <T>(name: string) => JSON.parse(recorded.get(name)!) as T;
    await runTask('ai_readiness.full_audit', resumed, { source: 'file_zip' });
    expect(resumed.emitted).toEqual(first.emitted);
  });

  it('does not follow a symbolic link out of an allowed directory', async () => {
    const outside = scratchDir('outside');
    writeTree(outside, { 'datasheet.md': 'A datasheet.\n' });
    const dir = scratchDir('linked');
    writeTree(dir, { 'README.md': '# Linked\n' });
    fs.symlinkSync(path.join(outside, 'datasheet.md'), path.join(dir, 'datasheet.md'));
    fs.symlinkSync(outside, path.join(dir, 'docs'));
    const { report } = await withAuditEnv({ AUDIT_ALLOWED_DIRS: dir }, () => audit({}, { source: { path: dir } }));
    expect(report.files_scanned).toBe(1);
    expect(report.domains.data_governance).toBe(0);
  });
});
