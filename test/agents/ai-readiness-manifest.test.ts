import { presentAgent } from '../../api/agents/present';
import { aiReadinessAgent } from '../../agents/ai-readiness';
import { builtInAgents } from '../../agents/registry';

describe('the ai-readiness agent manifest', () => {
  it('is registered under its slug and the seeds\' alias', () => {
    expect(builtInAgents.get('ai-readiness')).toBe(aiReadinessAgent);
    expect(builtInAgents.get('ai-readiness-agent')).toBe(aiReadinessAgent);
    expect(aiReadinessAgent.defaultTaskType).toBe('ai_readiness.full_audit');
  });

  it('accepts the seed inputs exactly as written', () => {
    const { taskTypes } = aiReadinessAgent;
    expect(taskTypes['ai_readiness.full_audit']!.input.parse({ scope: 'full', focus_framework: 'eu_ai_act' })).toEqual({ scope: 'full', focus_framework: 'eu_ai_act' });
    expect(taskTypes['ai_readiness.full_audit']!.input.parse({})).toEqual({ scope: 'full', focus_framework: 'eu_ai_act' });
    expect(taskTypes['questionnaire.respond']!.input.safeParse({ document_url: 'https://example.com/questionnaire.pdf' }).success).toBe(true);
    expect(taskTypes['ai_readiness.full_audit']!.input.safeParse({ scope: 'full', focus_framework: 'iso_42001' }).success).toBe(false);
    expect(taskTypes['ai_readiness.full_audit']!.input.safeParse({ source: { path: '/srv/repo', extra: 1 } }).success).toBe(false);
  });

  it('publishes each input as JSON Schema with described fields, its artifacts, a 2 h timeout and 3 attempts', () => {
    const manifest = presentAgent(aiReadinessAgent);
    expect(manifest.task_types.map((taskType) => taskType.name)).toEqual(['ai_readiness.full_audit', 'ai_readiness.gap_summary', 'questionnaire.respond']);
    for (const taskType of manifest.task_types) {
      expect(taskType).toMatchObject({ timeout_ms: 2 * 60 * 60 * 1000, retry: { maximum_attempts: 3 } });
      const properties = (taskType.input_schema as { properties: Record<string, { description?: string }> }).properties;
      for (const [name, property] of Object.entries(properties)) expect([name, typeof property.description]).toEqual([name, 'string']);
    }
    const [audit, summary, questionnaire] = manifest.task_types;
    expect(audit!.emits).toEqual(['ai_readiness.audit_report', 'ai_readiness.audit_report_document']);
    expect(summary!.emits).toEqual(['ai_readiness.gap_summary']);
    expect(questionnaire!.emits).toEqual(['ai_readiness.questionnaire_response', 'ai_readiness.questionnaire_document']);
    expect(Object.keys((audit!.input_schema as { properties: object }).properties)).toEqual(['scope', 'focus_framework', 'source']);
  });
});
