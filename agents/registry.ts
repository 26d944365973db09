import type { AgentDefinition } from './sdk';
import { aiReadinessAgent } from './ai-readiness';
import { echoAgent } from './echo';
import { salesAgent } from './sales';

/** Where a tenant's registered (remote) agents come from. */
export interface RegisteredAgentSource {
  find(tenantId: string, slug: string): Promise<AgentDefinition | undefined>;
  list(tenantId: string): Promise<AgentDefinition[]>;
}

/**
 * The agents a task can name: the built-in ones (by slug and alias, looked up without I/O) and,
 * when a source is given, each tenant's registered agents (by slug). A registered slug never
 * shadows a built-in name: registration refuses those.
 */
export class AgentRegistry {
  private readonly byName = new Map<string, AgentDefinition>();

  constructor(
    builtIns: AgentDefinition[],
    private readonly registered?: RegisteredAgentSource,
  ) {
    for (const agent of builtIns) {
      for (const name of [agent.slug, ...agent.aliases]) {
        if (this.byName.has(name)) throw new Error(`Two agents claim the name ${name}`);
        this.byName.set(name, agent);
      }
    }
  }

  /** A built-in agent by slug or alias. */
  get(name: string): AgentDefinition | undefined {
    return this.byName.get(name);
  }

  /** A built-in agent by slug or alias, else the tenant's registered agent with this slug. */
  async find(tenantId: string, name: string): Promise<AgentDefinition | undefined> {
    return this.byName.get(name) ?? (await this.registered?.find(tenantId, name));
  }

  /** Each built-in agent once (aliases share its entry), then the tenant's registered ones, by slug. */
  async list(tenantId: string): Promise<AgentDefinition[]> {
    const registered = (await this.registered?.list(tenantId)) ?? [];
    return [...this.builtIns(), ...registered].sort((a, b) => a.slug.localeCompare(b.slug));
  }

  builtIns(): AgentDefinition[] {
    return [...new Set(this.byName.values())];
  }
}

/** The agents every deployment has (`llm` joins them when configured: see `agentsFor`). */
export const builtInAgents = new AgentRegistry([echoAgent, aiReadinessAgent, salesAgent]);
