import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { type TestStack, type TestTenant, reachableSignedUrl, startStack, waitForTask } from '../support/stack';

// The seeds' own agents through the real API: the requests of seed 000 (ai-readiness full audit,
// sales draft approval) and seed 001 (questionnaire.respond with a document_url), as written.
let stack: TestStack;
beforeAll(async () => {
  // The questionnaire is served on loopback, which the outbound policy refuses unless allowed.
  stack = await startStack({ env: { OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true' }, ownDatabase: true });
});
afterAll(async () => {
  await stack?.stop();
});

interface ArtifactBody {
  artifact_id: string;
  type: string;
  approval_status: string;
  data: Record<string, unknown>;
  signed_url?: string;
}

const post = (tenant: TestTenant, path: string, json?: unknown) =>
  stack.request(path, { method: 'POST', apiKey: tenant.apiKey, ...(json !== undefined && { json }) });

async function artifactsOf(tenant: TestTenant, taskId: string): Promise<ArtifactBody[]> {
  const response = await stack.request(`/v1/artifacts?task_id=${taskId}`, { apiKey: tenant.apiKey });
  expect(response.status).toBe(200);
  return ((await response.json()) as { artifacts: ArtifactBody[] }).artifacts;
}

async function uploadEvidence(tenant: TestTenant, name: string, text: string): Promise<string> {
  const form = new FormData();
  form.set('purpose', 'evidence');
  form.set('file', new Blob([text], { type: 'text/markdown' }), name);
  const response = await stack.request('/v1/files', { method: 'POST', apiKey: tenant.apiKey, body: form });
  expect(response.status).toBe(201);
  return ((await response.json()) as { file_id: string }).file_id;
}

async function runToCompletion(tenant: TestTenant, body: unknown): Promise<{ taskId: string; artifacts: ArtifactBody[] }> {
  const created = await post(tenant, '/v1/tasks', body);
  expect(created.status).toBe(202);
  const { task_id: taskId, status } = (await created.json()) as { task_id: string; status: string };
  expect(status).toBe('queued');
  const done = await waitForTask(stack, taskId, (task) => ['complete', 'failed'].includes(task.status), { apiKey: tenant.apiKey, timeoutMs: 60_000 });
  expect(done).toMatchObject({ status: 'complete' });
  return { taskId, artifacts: await artifactsOf(tenant, taskId) };
}

const SEED_AUDIT = { agent_id: 'ai-readiness-agent', task_type: 'ai_readiness.full_audit', input: { scope: 'full', focus_framework: 'eu_ai_act' } };
const DOMAINS = ['risk_classification', 'human_oversight', 'data_governance', 'transparency', 'security', 'technical_documentation', 'record_keeping'];

describe('seed 000: the ai-readiness full audit', () => {
  it('answers the curl as written with 202 and completes with an audit report of the seed shape, every gap missing without evidence', async () => {
    const tenant = await stack.newTenant();
    const { artifacts } = await runToCompletion(tenant, SEED_AUDIT);
    const report = artifacts.find((artifact) => artifact.type === 'ai_readiness.audit_report');
    expect(report).toBeDefined();
    expect(report!.data).toMatchObject({
      gaps_found: expect.any(Number),
      critical: expect.any(Number),
      eu_ai_act_score: 0,
      domains: Object.fromEntries(DOMAINS.map((domain) => [domain, 0])),
    });
    const recommendations = report!.data.recommendations as { gap: string; severity: string; evidence_missing: string[]; remediation: string }[];
    expect(recommendations.length).toBe(report!.data.gaps_found);
    expect(recommendations.length).toBeGreaterThan(0);
    for (const recommendation of recommendations) {
      expect(recommendation).toEqual({
        gap: expect.any(String),
        severity: expect.stringMatching(/^(critical|high|medium|low)$/),
        evidence_missing: expect.arrayContaining([expect.any(String)]),
        remediation: expect.any(String),
      });
    }
    expect(recommendations.filter((recommendation) => recommendation.severity === 'critical')).toHaveLength(report!.data.critical as number);

    // The human-readable report is a file behind a signed URL.
    const document = artifacts.find((artifact) => artifact.signed_url !== undefined);
    expect(document).toBeDefined();
    const downloaded = await fetch(reachableSignedUrl(stack, document!.signed_url!, 'artifacts'));
    expect(downloaded.status).toBe(200);
    expect(await downloaded.text()).toContain('EU AI Act');
  });

  it('audits the evidence the tenant uploaded, crediting the files that earned each point', async () => {
    const tenant = await stack.newTenant();
    await uploadEvidence(
      tenant,
      'SECURITY.md',
      '# Security policy\n\nReport vulnerabilities to security@example.com. We run dependency scanning and penetration tests.\n',
    );
    await uploadEvidence(
      tenant,
      'model_card.md',
      '# Model card\n\n## Intended use\nTriage of support tickets.\n\n## Risk classification\nLimited risk under the EU AI Act.\n\n## Human oversight\nAn operator reviews every decision.\n',
    );
    const { artifacts } = await runToCompletion(tenant, SEED_AUDIT);
    const report = artifacts.find((artifact) => artifact.type === 'ai_readiness.audit_report')!;
    const domains = report.data.domains as Record<string, number>;
    expect(domains.security).toBeGreaterThan(0);
    expect(domains.risk_classification).toBeGreaterThan(0);
    expect(domains.human_oversight).toBeGreaterThan(0);
    expect(report.data.eu_ai_act_score).toBeGreaterThan(0);
    expect(JSON.stringify(report.data.domain_details)).toContain('SECURITY.md');
    expect(JSON.stringify(report.data.domain_details)).toContain('model_card.md');
  });
});

describe('seed 001: questionnaire.respond with a document_url', () => {
  let server: http.Server;
  let questionnaireUrl: string;

  beforeAll(async () => {
    const pdf = await questionnairePdf([
      '1. Which risk classification does your model have under the EU AI Act?',
      '2. What colour is the office carpet in your headquarters?',
    ]);
    server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    questionnaireUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/questionnaire.pdf`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('reads the questionnaire PDF and answers from the evidence, citing it, and says when there is none', async () => {
    const tenant = await stack.newTenant();
    await uploadEvidence(tenant, 'risk-assessment.md', '# Risk assessment\n\nOur risk classification under the EU AI Act is limited risk, reviewed quarterly.\n');
    const { artifacts } = await runToCompletion(tenant, {
      agent: 'ai-readiness',
      task_type: 'questionnaire.respond',
      input: { document_url: questionnaireUrl },
      priority: 'normal',
    });
    const response = artifacts.find((artifact) => artifact.type === 'ai_readiness.questionnaire_response')!;
    expect(response).toBeDefined();
    const answers = response.data.answers as { question: string; answer: string; confidence: number; citations: { file: string; excerpt: string }[] }[];
    expect(answers).toHaveLength(2);
    expect(answers[0]!.question).toContain('risk classification');
    expect(answers[0]!.citations.map((citation) => citation.file)).toContain('risk-assessment.md');
    expect(answers[0]!.confidence).toBeGreaterThan(0);
    expect(answers[1]!.question).toContain('carpet');
    expect(answers[1]!.citations).toEqual([]);
    expect(answers[1]!.confidence).toBe(0);
    expect(answers[1]!.answer).toMatch(/no evidence found/i);
    expect(response.data.confidence_scores).toEqual(expect.any(Object));
  });
});

describe('seed 000: an approval-gated sales.email_draft', () => {
  it('waits for approval with the draft pending and sends it once approved', async () => {
    const tenant = await stack.newTenant();
    const created = await post(tenant, '/v1/tasks', {
      agent: 'sales',
      task_type: 'sales.email_draft',
      input: { lead: { name: 'Alex Kim', email: 'alex.kim@acme.com', company: 'ACME', role: 'CTO' } },
    });
    expect(created.status).toBe(202);
    const { task_id: taskId } = (await created.json()) as { task_id: string };
    await waitForTask(stack, taskId, (task) => task.status === 'awaiting_approval', { apiKey: tenant.apiKey });
    const [draft] = await artifactsOf(tenant, taskId);
    expect(draft).toMatchObject({
      type: 'sales.email_draft',
      approval_status: 'pending',
      data: { to: 'alex.kim@acme.com', subject: expect.any(String), body: expect.stringContaining('Alex') },
    });
    expect(await stack.db.outboxMessage.count({ where: { tenantId: tenant.tenantId } })).toBe(0);

    expect((await post(tenant, `/v1/artifacts/${draft!.artifact_id}/approve`, { comment: 'Send it' })).status).toBe(200);
    await waitForTask(stack, taskId, (task) => task.status === 'complete', { apiKey: tenant.apiKey });
    const sent = await stack.db.outboxMessage.findMany({ where: { tenantId: tenant.tenantId } });
    expect(sent).toEqual([expect.objectContaining({ to: 'alex.kim@acme.com', subject: draft!.data.subject })]);
  });
});

async function questionnairePdf(lines: string[]): Promise<Buffer> {
  const document = await PDFDocument.create();
  const page = document.addPage();
  const font = await document.embedFont(StandardFonts.Helvetica);
  lines.forEach((line, index) => page.drawText(line, { x: 40, y: 740 - index * 24, size: 11, font }));
  return Buffer.from(await document.save());
}
