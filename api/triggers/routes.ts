import { defineRoutes } from '../route-table/declare';
import { createTriggerBody, deleteTriggerResponse, listTriggersResponse, triggerIdParams, triggerResponse } from './schemas';

const tag = 'Triggers';

export const triggerRoutes = defineRoutes({
  createTrigger: {
    method: 'post',
    path: '/v1/triggers',
    auth: 'key',
    tag,
    summary: 'Start a task whenever an artifact of a type is recorded',
    description:
      'The task starts in the transaction that records the artifact (`trigger: {type: "event", source_id, source_task_id, source_artifact_id}`); `input_map` fields are taken from the artifact as `GET /v1/artifacts/{id}` shows it or from its task as `GET /v1/tasks/{id}` does. A trigger that would start itself again, directly or through others, is a 409 `trigger_cycle` naming the chain.',
    body: { schema: createTriggerBody, required: true },
    responses: { 201: { description: 'The trigger', schema: triggerResponse, headers: { Location: "The trigger's URL" } } },
    problems: [400, 401, 409, 413, 415],
    examples: [
      {
        summary: 'Summarise every audit report',
        curl: `curl -X POST $BASE/v1/triggers -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"on": {"artifact_type": "ai_readiness.audit_report"}, "start": {"agent": "ai-readiness", "task_type": "ai_readiness.gap_summary"}, "input_map": {"report_artifact_id": "$.artifact.artifact_id"}}'`,
        body: {
          on: { artifact_type: 'ai_readiness.audit_report' },
          start: { agent: 'ai-readiness', task_type: 'ai_readiness.gap_summary' },
          input_map: { report_artifact_id: '$.artifact.artifact_id' },
        },
      },
    ],
  },
  listTriggers: {
    method: 'get',
    path: '/v1/triggers',
    auth: 'key',
    tag,
    summary: "The tenant's triggers, oldest first",
    responses: { 200: { description: 'Every trigger', schema: listTriggersResponse } },
    problems: [401],
  },
  getTrigger: {
    method: 'get',
    path: '/v1/triggers/:id',
    auth: 'key',
    tag,
    summary: 'Read a trigger',
    params: triggerIdParams,
    responses: { 200: { description: 'The trigger', schema: triggerResponse } },
    problems: [401, 404],
  },
  deleteTrigger: {
    method: 'delete',
    path: '/v1/triggers/:id',
    auth: 'key',
    tag,
    summary: 'Delete a trigger; the tasks it started stay',
    params: triggerIdParams,
    responses: { 200: { description: 'Deleted', schema: deleteTriggerResponse } },
    problems: [401, 404],
  },
});
