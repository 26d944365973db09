import type { Trigger } from '../../lib/generated/prisma/client';
import type { TriggerResponse } from './schemas';

export function presentTrigger(trigger: Trigger): TriggerResponse {
  return {
    trigger_id: trigger.id,
    on: { artifact_type: trigger.artifactType, agent: trigger.sourceAgent },
    start: { agent: trigger.agent, task_type: trigger.taskType, input: trigger.input as Record<string, unknown> },
    input_map: trigger.inputMap as Record<string, string>,
    created_at: trigger.createdAt.toISOString(),
  };
}
