import type { AgentRegistry } from '../../agents/registry';

/** A trigger as an edge: an artifact type (from any agent, or one) starts an agent's task type. */
export interface TriggerEdge {
  id: string;
  artifactType: string;
  sourceAgent: string | null;
  agent: string;
  taskType: string;
}

/**
 * The chain of triggers through which `candidate` would start itself again, or null. A trigger's
 * task may emit any artifact type its manifest declares; each trigger that listens for one of
 * those (from that agent, or from any) follows it. An agent triggering itself is the chain of one.
 */
export function findTriggerCycle(agents: AgentRegistry, existing: TriggerEdge[], candidate: TriggerEdge): TriggerEdge[] | null {
  const all = [...existing, candidate];
  const follows = (edge: TriggerEdge) => {
    const emits = agents.get(edge.agent)?.taskTypes[edge.taskType]?.emits ?? [];
    return all.filter((next) => emits.includes(next.artifactType) && (next.sourceAgent === null || next.sourceAgent === edge.agent));
  };
  const visited = new Set<string>();
  const walk = (edge: TriggerEdge, path: TriggerEdge[]): TriggerEdge[] | null => {
    for (const next of follows(edge)) {
      if (next.id === candidate.id) return [...path, edge];
      if (visited.has(next.id)) continue;
      visited.add(next.id);
      const cycle = walk(next, [...path, edge]);
      if (cycle) return cycle;
    }
    return null;
  };
  return walk(candidate, []);
}
