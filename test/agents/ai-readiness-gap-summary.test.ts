import { AgentError, type ArtifactInfo, type JsonObject } from '../../agents/sdk';
import { fakeAgentContext } from '../support/fake-agent-context';
import { acmeEvidence, fakeFiles, runTask, zipOf } from './ai-readiness-fixtures';

function storedArtifact(id: string, type: string, data: JsonObject): ArtifactInfo {
  return {
    id,
    tenantId: 'tenant_TEST',
    taskId: 'task_EARLIER',
    type,
    displayName: 'ai-readiness-audit.json',
    data,
    mimeType: 'application/json',
    approvalStatus: 'not_required',
    effectAppliedAt: null,
    createdAt: new Date('2026-01-01T00:00:00Z'),
  };
}

/** The acme evidence's audit report, as a full_audit task emits it. */
async function acmeReport(): Promise<JsonObject> {
  const entries = Object.entries(await acmeEvidence()).map(([name, content]) => ({ name, content }));
  const context = fakeAgentContext({ files: fakeFiles([{ id: 'file_zip', name: 'acme.zip', content: await zipOf(entries) }]) });
  await runTask('ai_readiness.full_audit', context, { scope: 'full', focus_framework: 'eu_ai_act', source: 'file_zip' });
  return context.emitted[0]!.data!;
}

const ACME_SUMMARY = {
  framework: 'eu_ai_act',
  score: 63,
  gaps_found: 12,
  critical: 2,
  headline: 'EU AI Act readiness 63/100: 12 gaps (2 critical, 5 high, 4 medium, 1 low).',
  gaps_by_severity: {
    critical: ['No AI risk assessment or risk register', 'No datasheet for the data the system is trained or evaluated on'],
    high: [
      'No examination of data quality or bias',
      'Users are not told when they interact with AI or see AI-generated content',
      'No evidence of access control',
      'The system architecture is not described',
      "No audit trail of the system's decisions",
    ],
    medium: ['No impact assessment', 'No named owner or roles for the AI system', 'No training or instructions for the people overseeing the system', 'How long logs are kept is not stated'],
    low: ['No record of changes to the system'],
  },
};

describe('ai_readiness.gap_summary', () => {
  let report: JsonObject;
  beforeAll(async () => {
    report = await acmeReport();
  });

  it('summarises the given audit report by severity, without evidence paths or remediation', async () => {
    const asked: string[] = [];
    const context = fakeAgentContext({
      artifacts: {
        get: async (id) => {
          asked.push(id);
          return id === 'art_REPORT' ? storedArtifact(id, 'ai_readiness.audit_report', report) : null;
        },
        list: async () => [],
      },
    });
    const output = await runTask('ai_readiness.gap_summary', context, { report_artifact_id: 'art_REPORT' });
    expect(asked).toEqual(['art_REPORT']);
    expect(context.emitted).toHaveLength(1);
    expect(context.emitted[0]).toMatchObject({ type: 'ai_readiness.gap_summary', mimeType: 'application/json' });
    expect(context.emitted[0]!.data).toEqual({ report_artifact_id: 'art_REPORT', ...ACME_SUMMARY });
    expect(JSON.stringify(context.emitted[0]!.data)).not.toMatch(/docs\/|remediation|evidence_missing/);
    expect(output).toEqual({ summary_artifact_id: 'art_TEST1', report_artifact_id: 'art_REPORT', headline: ACME_SUMMARY.headline });
  });

  it("summarises the tenant's latest audit report when none is named", async () => {
    const filters: unknown[] = [];
    const context = fakeAgentContext({
      artifacts: {
        get: async () => null,
        list: async (filter) => {
          filters.push(filter);
          return [storedArtifact('art_LATEST', 'ai_readiness.audit_report', report)];
        },
      },
    });
    await runTask('ai_readiness.gap_summary', context, {});
    expect(filters).toEqual([{ type: 'ai_readiness.audit_report', limit: 1 }]);
    expect(context.emitted[0]!.data).toEqual({ report_artifact_id: 'art_LATEST', ...ACME_SUMMARY });
  });

  it('says so when a report has no gaps', async () => {
    const clean = { ...report, gaps_found: 0, critical: 0, eu_ai_act_score: 100, recommendations: [] };
    const context = fakeAgentContext({ artifacts: { get: async (id) => storedArtifact(id, 'ai_readiness.audit_report', clean), list: async () => [] } });
    await runTask('ai_readiness.gap_summary', context, { report_artifact_id: 'art_CLEAN' });
    expect(context.emitted[0]!.data).toMatchObject({ headline: 'EU AI Act readiness 100/100: no gaps found.', gaps_by_severity: { critical: [], high: [], medium: [], low: [] } });
  });

  it('fails with no_audit_report when there is none, or the artifact is not one', async () => {
    const failure = (artifacts: Parameters<typeof fakeAgentContext>[0], input: JsonObject) =>
      runTask('ai_readiness.gap_summary', fakeAgentContext(artifacts), input).then(
        () => null,
        (error: unknown) => error,
      );
    const none = await failure({}, {});
    expect(none).toBeInstanceOf(AgentError);
    expect(none).toMatchObject({ code: 'no_audit_report' });
    expect(await failure({}, { report_artifact_id: 'art_MISSING' })).toMatchObject({ code: 'no_audit_report', message: 'No audit report art_MISSING' });
    const other = { get: async (id: string) => storedArtifact(id, 'echo.result', { message: 'hi' }), list: async () => [] };
    expect(await failure({ artifacts: other }, { report_artifact_id: 'art_ECHO' })).toMatchObject({ code: 'no_audit_report' });
    const garbled = { get: async (id: string) => storedArtifact(id, 'ai_readiness.audit_report', { framework: 'eu_ai_act' }), list: async () => [] };
    expect(await failure({ artifacts: garbled }, { report_artifact_id: 'art_GARBLED' })).toMatchObject({ code: 'no_audit_report' });
  });
});
