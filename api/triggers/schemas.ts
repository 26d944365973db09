import { z } from 'zod';
import { INPUT_MAP_PATH } from '../../lib/triggers/input-map';

const name = z.string().min(1).max(200);

/** POST /v1/triggers: when an artifact of `on.artifact_type` (from `on.agent`, or any) is recorded, start `start`. */
export const createTriggerBody = z.strictObject({
  on: z.strictObject({ artifact_type: name, agent: name.optional() }),
  start: z.strictObject({
    agent: name,
    task_type: name.optional(),
    input: z.record(z.string(), z.unknown()).default({}),
  }),
  input_map: z
    .record(
      z.string().min(1).max(100),
      z.string().max(500).regex(INPUT_MAP_PATH, 'Expected a path like $.artifact.artifact_id, $.artifact.data.<field> or $.task.<field>'),
    )
    .default({}),
});
export type CreateTriggerBody = z.output<typeof createTriggerBody>;

export const triggerResponse = z.object({
  trigger_id: z.string(),
  on: z.object({ artifact_type: z.string(), agent: z.string().nullable() }),
  start: z.object({ agent: z.string(), task_type: z.string(), input: z.record(z.string(), z.unknown()) }),
  input_map: z.record(z.string(), z.string()),
  created_at: z.string(),
});
export type TriggerResponse = z.infer<typeof triggerResponse>;

export const listTriggersResponse = z.object({ triggers: z.array(triggerResponse) });
export type ListTriggersResponse = z.infer<typeof listTriggersResponse>;

export const deleteTriggerResponse = z.object({ deleted: z.literal(true), trigger_id: z.string() });
export type DeleteTriggerResponse = z.infer<typeof deleteTriggerResponse>;

export const triggerIdParams = z.object({ id: z.string().meta({ description: 'A trigger ID (trg_…)' }) });
