import type { AgentDefinition } from './sdk';
import { aiReadinessAgent } from './ai-readiness';
import { echoAgent } from './echo';
import { salesAgent } from './sales';

export type AgentRegistry = ReadonlyMap<string, AgentDefinition>;

/** Agents by slug and by alias. */
export function createAgentRegistry(agents: AgentDefinition[]): AgentRegistry {
  const registry = new Map<string, AgentDefinition>();
  for (const agent of agents) {
    for (const name of [agent.slug, ...agent.aliases]) {
      if (registry.has(name)) throw new Error(`Two agents claim the name ${name}`);
      registry.set(name, agent);
    }
  }
  return registry;
}

export const builtInAgents = createAgentRegistry([echoAgent, aiReadinessAgent, salesAgent]);

/** Each agent once (aliases share its entry), by slug. */
export function listAgents(registry: AgentRegistry): AgentDefinition[] {
  return [...new Set(registry.values())].sort((a, b) => a.slug.localeCompare(b.slug));
}

export function agentSlugs(registry: AgentRegistry): string[] {
  return listAgents(registry).map((agent) => agent.slug);
}
