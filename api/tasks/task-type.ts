import type { AgentRegistry } from '../../agents/registry';
import { invalidRequest, zodProblems } from '../problem';

export interface TaskTypeRequest {
  agent: string;
  task_type?: string;
  input: unknown;
}

/**
 * Resolves the agent (slug or alias) and task type from the manifest and validates `input`
 * against it: what every task a client describes (create, rerun, schedule, trigger, channel rule)
 * must pass. `at` is where the three fields sit in the body, e.g. `['start']`. `laterFields` are
 * input fields filled in only when the task starts (an event trigger's mapped fields): problems
 * with them are not this request's, and the input is returned as given. The tenant's registered
 * agents count as much as the built-in ones.
 */
export async function resolveTaskType(agents: AgentRegistry, tenantId: string, request: TaskTypeRequest, at: string[] = [], laterFields: string[] = []) {
  const field = (name: string) => [...at, name].join('.');
  const agent = await agents.find(tenantId, request.agent);
  if (!agent) {
    const valid = (await agents.list(tenantId)).map((known) => known.slug).join(', ');
    throw invalidRequest([{ field: field('agent'), in: 'body', message: `Unknown agent "${request.agent}"; valid agents: ${valid}` }]);
  }
  const taskTypeName = request.task_type ?? agent.defaultTaskType;
  const taskType = agent.taskTypes[taskTypeName];
  if (!taskType) {
    const valid = Object.keys(agent.taskTypes).join(', ');
    throw invalidRequest([{ field: field('task_type'), in: 'body', message: `Agent ${agent.slug} has no task type "${taskTypeName}"; valid task types: ${valid}` }]);
  }
  const input = taskType.input.safeParse(request.input);
  if (input.success) return { agent, taskTypeName, taskType, input: input.data as Record<string, unknown> };
  const problems = zodProblems(input.error, 'body', [...at, 'input']).filter((problem) => {
    const field = problem.field.split('.')[at.length + 1];
    return field === undefined || !laterFields.includes(field);
  });
  if (problems.length > 0 || laterFields.length === 0) throw invalidRequest(problems);
  return { agent, taskTypeName, taskType, input: request.input as Record<string, unknown> };
}
