import { salesAgent } from '../../agents/sales';
import { type Lead, buildEmailDraft, placeholderProblems, placeholderValues } from '../../agents/sales/draft';
import type { AgentEvents, ArtifactInfo, EventInfo } from '../../agents/sdk';
import { fakeAgentContext } from '../support/fake-agent-context';

const alex: Lead = {
  name: 'Alex Kim',
  email: 'alex.kim@acme.com',
  company: 'ACME',
  role: 'Head of Platform',
  notes: 'Congratulations on the Series B.',
};
const minimal: Lead = { name: 'Alex', email: 'alex@acme.com' };

const emailDraft = salesAgent.taskTypes['sales.email_draft']!;
const pipelineReport = salesAgent.taskTypes['sales.pipeline_report']!;

describe('the email draft builder', () => {
  it('writes the friendly draft from every lead field, signed by the sender', () => {
    expect(buildEmailDraft({ lead: alex, tone: 'friendly', sender_name: 'Sam Lee' })).toEqual({
      to: 'alex.kim@acme.com',
      subject: 'AI readiness tooling for ACME',
      body: [
        'Hi Alex,',
        'Congratulations on the Series B.',
        "I'm reaching out because ACME is probably being asked how ready its AI systems are for the EU AI Act and the NIST AI RMF, " +
          'and as Head of Platform that question likely lands on your desk. ' +
          'We read the evidence you already have (model cards, policies, CI, docs) and show the gaps, ranked, within a day.',
        'Would a 20-minute call next week be useful?',
        'Cheers,\nSam Lee',
      ].join('\n\n'),
    });
  });

  it('gives each tone its own greeting, subject and sign-off', () => {
    const formal = buildEmailDraft({ lead: alex, tone: 'formal', sender_name: 'Sam Lee' });
    expect(formal.subject).toBe('Introduction: AI readiness assessment for ACME');
    expect(formal.body).toMatch(/^Dear Alex Kim,\n\nCongratulations on the Series B\.\n\nI am writing to introduce our AI readiness assessment for ACME\./);
    expect(formal.body).toContain('Given your role as Head of Platform');
    expect(formal.body).toMatch(/\n\nKind regards,\nSam Lee$/);

    const direct = buildEmailDraft({ lead: alex, tone: 'direct', sender_name: 'Sam Lee' });
    expect(direct.subject).toBe('EU AI Act gaps at ACME, found in a day');
    expect(direct.body).toMatch(/^Alex,\n\nCongratulations on the Series B\.\n\nWe find the EU AI Act and NIST AI RMF gaps in the AI systems at ACME /);
    expect(direct.body).toContain('As Head of Platform, you get the report');
    expect(direct.body).toMatch(/\n\n20 minutes next week\?\n\nThanks,\nSam Lee$/);
  });

  it.each(['friendly', 'formal', 'direct'] as const)('leaves out what a %s draft is not told (company, role, notes, sender)', (tone) => {
    const draft = buildEmailDraft({ lead: minimal, tone });
    expect(draft.to).toBe('alex@acme.com');
    for (const text of [draft.subject, draft.body]) {
      expect(text).not.toMatch(/undefined|null|ACME|Head of|Series B|Sam|\{\{/);
      expect(text).not.toMatch(/\n\n\n| {2}| ,|\.\./);
    }
    expect(draft.body).toMatch(/(Cheers|Kind regards|Thanks),$/);
  });

  it('gives the same draft for the same request', () => {
    expect(buildEmailDraft({ lead: alex, tone: 'direct' })).toEqual(buildEmailDraft({ lead: { ...alex }, tone: 'direct' }));
  });

  it('fills a template and a subject from the lead, whatever the spacing inside the braces', () => {
    const draft = buildEmailDraft({
      lead: alex,
      tone: 'formal',
      template: 'Hello {{first_name}} {{ last_name }},\n{{notes}} How is {{company}} handling {{role}} work? ({{email}}, {{name}})\n-- {{sender}} for {{first_name}}',
      subject: '{{company}}: a question for {{first_name}}',
      sender_name: 'Sam',
    });
    expect(draft).toEqual({
      to: 'alex.kim@acme.com',
      subject: 'ACME: a question for Alex',
      body: 'Hello Alex Kim,\nCongratulations on the Series B. How is ACME handling Head of Platform work? (alex.kim@acme.com, Alex Kim)\n-- Sam for Alex',
    });
  });

  it("keeps the tone's body under a subject of one's own, and the tone's subject under a template", () => {
    expect(buildEmailDraft({ lead: minimal, tone: 'direct', subject: 'For {{first_name}}' })).toMatchObject({ subject: 'For Alex', body: expect.stringMatching(/^Alex,/) });
    expect(buildEmailDraft({ lead: minimal, tone: 'direct', template: 'Hi' })).toEqual({ to: 'alex@acme.com', subject: 'EU AI Act gaps, found in a day', body: 'Hi' });
  });

  it('names unknown placeholders and the lead fields a template needs but lacks', () => {
    const values = placeholderValues(minimal, undefined);
    expect(placeholderProblems('{{company}} {{role}} {{last_name}} {{sender}} {{notes}} {{first_name}} {{company}}', values)).toEqual([
      '{{company}} needs lead.company',
      '{{role}} needs lead.role',
      '{{last_name}} needs a last name in lead.name',
      '{{sender}} needs sender_name',
      '{{notes}} needs lead.notes',
    ]);
    expect(placeholderProblems('Hi {{firstname}}', values)).toEqual([expect.stringMatching(/^\{\{firstname\}\} is not a placeholder; use \{\{name\}\}, \{\{first_name\}\}/)]);
    expect(() => buildEmailDraft({ lead: minimal, tone: 'friendly', template: 'At {{company}}' })).toThrow(
      expect.objectContaining({ code: 'invalid_template', message: expect.stringContaining('{{company}} needs lead.company') }),
    );
  });
});

describe('sales.email_draft input', () => {
  it('defaults to the friendly tone and accepts the seed lead', () => {
    const parsed = emailDraft.input.parse({ lead: { name: 'Alex Kim', email: 'alex.kim@acme.com', company: 'ACME' } });
    expect(parsed).toEqual({ lead: { name: 'Alex Kim', email: 'alex.kim@acme.com', company: 'ACME' }, tone: 'friendly' });
  });

  it('refuses a template or subject whose placeholders the lead cannot fill, naming the field', () => {
    const parsed = emailDraft.input.safeParse({ lead: minimal, template: 'At {{company}}', subject: 'For {{sender}}' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['template', '{{company}} needs lead.company'],
      ['subject', '{{sender}} needs sender_name'],
    ]);
  });

  it.each([
    [{ lead: { ...minimal, email: 'not an address' } }, 'lead.email'],
    [{ lead: { ...minimal, name: 'Alex\r\nBcc: someone@example.com' } }, 'lead.name'],
    [{ lead: minimal, subject: 'Hi\nBcc: someone@example.com' }, 'subject'],
    [{ lead: minimal, tone: 'sarcastic' }, 'tone'],
    [{ lead: minimal, cc: 'someone@example.com' }, ''],
  ])('refuses %j at %s', (input, path) => {
    const parsed = emailDraft.input.safeParse(input);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual([path]);
  });
});

describe('sales.email_draft', () => {
  const draftInfo = (overrides: Partial<ArtifactInfo>): ArtifactInfo => ({
    id: 'art_TEST1',
    tenantId: 'tenant_TEST',
    taskId: 'task_TEST',
    type: 'sales.email_draft',
    displayName: 'Email to alex.kim@acme.com',
    mimeType: 'application/json',
    data: null,
    approvalStatus: 'approved',
    effectAppliedAt: null,
    createdAt: new Date('2026-04-23T10:00:00Z'),
    ...overrides,
  });

  it('emits the gated draft with the lead, then says whether it was sent', async () => {
    const sentAt = new Date('2026-04-23T10:05:00Z');
    const context = fakeAgentContext({
      artifacts: { get: async (id) => draftInfo({ id, effectAppliedAt: sentAt }), list: async () => [] },
    });
    const input = emailDraft.input.parse({ lead: alex, sender_name: 'Sam Lee' });
    const { output } = await emailDraft.run(context, input);

    const expected = buildEmailDraft({ lead: alex, tone: 'friendly', sender_name: 'Sam Lee' });
    expect(context.emitted).toEqual([
      { id: 'art_TEST1', type: 'sales.email_draft', displayName: 'Email to alex.kim@acme.com', mimeType: 'application/json', data: { ...expected, lead: alex } },
    ]);
    expect(emailDraft.gated?.['sales.email_draft']).toBeDefined();
    expect(output).toEqual({
      draft_artifact_id: 'art_TEST1',
      to: 'alex.kim@acme.com',
      subject: 'AI readiness tooling for ACME',
      approval_status: 'approved',
      sent: true,
      sent_at: '2026-04-23T10:05:00.000Z',
    });
  });

  it('reports a rejected draft as not sent', async () => {
    const context = fakeAgentContext({ artifacts: { get: async (id) => draftInfo({ id, approvalStatus: 'rejected' }), list: async () => [] } });
    const { output } = await emailDraft.run(context, emailDraft.input.parse({ lead: minimal }));
    expect(output).toMatchObject({ approval_status: 'rejected', sent: false, sent_at: null });
  });

  it('sends the approved draft through the mail transport, keyed by the effect', async () => {
    const sent: unknown[] = [];
    const signal = new AbortController().signal;
    const draft = { ...buildEmailDraft({ lead: alex, tone: 'direct' }), lead: alex };
    await emailDraft.gated!['sales.email_draft']!.run(
      { id: 'art_1', tenantId: 'ten_1', taskId: 'task_1', type: 'sales.email_draft', displayName: 'Email', data: draft },
      { mail: { send: async (message, options) => void sent.push({ message, options }) }, idempotencyKey: 'art_1', signal },
    );
    expect(sent).toEqual([{ message: { tenantId: 'ten_1', to: draft.to, subject: draft.subject, body: draft.body }, options: { idempotencyKey: 'art_1', signal } }]);
  });
});

describe('sales.pipeline_report', () => {
  let seq = 0;
  const event = (type: string, data: Record<string, unknown>): EventInfo => ({
    seq: ++seq,
    type,
    taskId: `task_${seq}`,
    agent: 'sales',
    data,
    createdAt: new Date('2026-04-10T12:00:00Z'),
  });
  const draft = (id: string, to: string, approvalStatus: ArtifactInfo['approvalStatus'], effectAppliedAt: string | null = null): ArtifactInfo => ({
    id,
    tenantId: 'tenant_TEST',
    taskId: `task_${id}`,
    type: 'sales.email_draft',
    displayName: `Email to ${to}`,
    mimeType: 'application/json',
    data: { to, subject: `Hello ${id}`, body: '…', lead: { name: 'Someone', email: to, ...(to.endsWith('acme.com') && { company: 'ACME' }) } },
    approvalStatus,
    effectAppliedAt: effectAppliedAt ? new Date(effectAppliedAt) : null,
    createdAt: new Date('2026-04-10T12:00:00Z'),
  });

  const events = [
    ...['a1', 'a2', 'a3', 'b1', 'c1', 'c2'].map((id) => event('artifact.emitted', { artifact_id: id, type: 'sales.email_draft' })),
    event('artifact.emitted', { artifact_id: 'r1', type: 'sales.pipeline_report' }),
    event('approval.resolved', { approval_id: 'apr_1', decision: 'approved' }),
    event('approval.resolved', { approval_id: 'apr_2', decision: 'approved' }),
    event('approval.resolved', { approval_id: 'apr_3', decision: 'approved' }),
    event('approval.resolved', { approval_id: 'apr_4', decision: 'denied' }),
    event('approval.resolved', { approval_id: 'apr_5', decision: 'expired' }),
    event('approval.resolved', { approval_id: 'apr_6', decision: 'cancelled' }),
  ];
  const drafts = [
    draft('c2', 'kim@Beta.io', 'pending'),
    draft('c1', 'lee@beta.io', 'expired'),
    draft('b1', 'ann@acme.com', 'rejected'),
    draft('a3', 'bo@acme.com', 'approved', '2026-04-12T09:00:00Z'),
    draft('a2', 'cy@globex.org', 'approved', '2026-04-11T09:00:00Z'),
    draft('a1', 'di@acme.com', 'approved', '2026-04-11T08:00:00Z'),
  ];

  it('counts drafts and decisions from the event log, and where the drafts of the period stand, by recipient domain', async () => {
    const listed: unknown[] = [];
    const context = fakeAgentContext({
      events: { list: async (filter) => (listed.push(filter), events) },
      artifacts: { get: async () => null, list: async (filter) => (listed.push(filter), drafts) },
    });
    const { output } = await pipelineReport.run(context, pipelineReport.input.parse({ since: '2026-04-01', until: '2026-05-01T00:00:00Z' }));

    const since = new Date('2026-04-01T00:00:00Z');
    const until = new Date('2026-05-01T00:00:00Z');
    expect(listed).toEqual([
      { types: ['artifact.emitted', 'approval.resolved'], agent: 'sales', since, until, limit: expect.any(Number) },
      { type: 'sales.email_draft', since, until, limit: expect.any(Number) },
    ]);
    const report = {
      period: { since: '2026-04-01T00:00:00.000Z', until: '2026-05-01T00:00:00.000Z' },
      drafted: 6,
      approved: 3,
      rejected: 1,
      expired: 1,
      withdrawn: 1,
      approval_rate: 0.6,
      pending: 1,
      sent: 3,
      by_domain: [
        { domain: 'acme.com', drafted: 3, approved: 2, rejected: 1, expired: 0, pending: 0, sent: 2 },
        { domain: 'beta.io', drafted: 2, approved: 0, rejected: 0, expired: 1, pending: 1, sent: 0 },
        { domain: 'globex.org', drafted: 1, approved: 1, rejected: 0, expired: 0, pending: 0, sent: 1 },
      ],
      sent_drafts: [
        { artifact_id: 'a1', task_id: 'task_a1', to: 'di@acme.com', subject: 'Hello a1', company: 'ACME', sent_at: '2026-04-11T08:00:00.000Z' },
        { artifact_id: 'a2', task_id: 'task_a2', to: 'cy@globex.org', subject: 'Hello a2', company: null, sent_at: '2026-04-11T09:00:00.000Z' },
        { artifact_id: 'a3', task_id: 'task_a3', to: 'bo@acme.com', subject: 'Hello a3', company: 'ACME', sent_at: '2026-04-12T09:00:00.000Z' },
      ],
      complete: true,
    };
    expect(context.emitted).toEqual([
      { id: 'art_TEST1', type: 'sales.pipeline_report', displayName: 'Pipeline 2026-04-01 to 2026-05-01', mimeType: 'application/json', data: report },
    ]);
    const { by_domain: _byDomain, sent_drafts: _sentDrafts, ...summary } = report;
    expect(output).toEqual({ report_artifact_id: 'art_TEST1', ...summary });
  });

  it('covers the last 30 days by default, and has no approval rate when nothing was decided', async () => {
    let asked: Parameters<AgentEvents['list']>[0];
    const context = fakeAgentContext({ events: { list: async (filter) => ((asked = filter), []) } });
    const before = Date.now();
    const { output } = await pipelineReport.run(context, pipelineReport.input.parse({}));

    expect(asked!.until!.getTime()).toBeGreaterThanOrEqual(before);
    expect(asked!.until!.getTime() - asked!.since!.getTime()).toBe(30 * 24 * 60 * 60 * 1000);
    expect(output).toMatchObject({ drafted: 0, approved: 0, sent: 0, approval_rate: null, complete: true });
    expect(context.emitted[0]!.data).toMatchObject({ by_domain: [], sent_drafts: [] });
  });

  it('says a report is not complete when a listing reached its cap', async () => {
    let cap = 0;
    const atCap = async (filter?: { limit?: number }) => Array.from({ length: (cap = filter!.limit!) }, (_, index) => draft(`d${index}`, 'x@acme.com', 'pending'));
    const context = fakeAgentContext({ artifacts: { get: async () => null, list: atCap } });
    const { output } = await pipelineReport.run(context, pipelineReport.input.parse({}));
    expect(output).toMatchObject({ pending: cap, complete: false });
  });

  it('refuses a period that ends before it starts', async () => {
    expect(pipelineReport.input.safeParse({ since: '2026-05-01', until: '2026-04-01' }).error?.issues).toEqual([
      expect.objectContaining({ path: ['until'], message: 'must be after since' }),
    ]);
    expect(pipelineReport.input.safeParse({ since: 'last week' }).success).toBe(false);
    await expect(pipelineReport.run(fakeAgentContext(), pipelineReport.input.parse({ since: '2999-01-01' }))).rejects.toMatchObject({ code: 'invalid_period' });
  });
});
