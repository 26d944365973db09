import { type AgentRegistry, agentSlugs } from '../../agents/registry';
import { invalidRequest, zodProblems } from '../problem';

export interface TaskTypeRequest {
  agent: string;
  task_type?: string;
  input: unknown;
}

/**
 * Resolves the agent (slug or alias) and task type from the manifest and validates `input`
 * against it: what every task a client describes (create, rerun, schedule, trigger, channel rule)
 * must pass. `at` is where the three fields sit in the body, e.g. `['start']`.
 */
export function resolveTaskType(agents: AgentRegistry, request: TaskTypeRequest, at: string[] = []) {
  const field = (name: string) => [...at, name].join('.');
  const agent = agents.get(request.agent);
  if (!agent) {
    throw invalidRequest([{ field: field('agent'), in: 'body', message: `Unknown agent "${request.agent}"; valid agents: ${agentSlugs(agents).join(', ')}` }]);
  }
  const taskTypeName = request.task_type ?? agent.defaultTaskType;
  const taskType = agent.taskTypes[taskTypeName];
  if (!taskType) {
    const valid = Object.keys(agent.taskTypes).join(', ');
    throw invalidRequest([{ field: field('task_type'), in: 'body', message: `Agent ${agent.slug} has no task type "${taskTypeName}"; valid task types: ${valid}` }]);
  }
  const input = taskType.input.safeParse(request.input);
  if (!input.success) throw invalidRequest(zodProblems(input.error, 'body', [...at, 'input']));
  return { agent, taskTypeName, taskType, input: input.data as Record<string, unknown> };
}
