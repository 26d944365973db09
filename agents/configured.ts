import type { Config } from '../lib/config';
import type { Database } from '../lib/db/client';
import { policyFetch } from '../lib/outbound/policy-fetch';
import { webhookSecretBoxFor } from '../lib/webhooks/secret-box';
import { createLlmAgent } from './llm';
import { AgentRegistry, builtInAgents } from './registry';
import { createRemoteDispatcher } from './remote/dispatch';
import { RegisteredAgents } from './remote/registered-agents';
import type { AgentDefinition } from './sdk';

type AgentsConfig = Pick<
  Config,
  'publicBaseUrl' | 'dataDir' | 'WEBHOOK_SECRET_KEYS' | 'OUTBOUND_ALLOW_PRIVATE_NETWORKS' | 'AGENT_DISPATCH_TIMEOUT_MS' | 'LLM_BASE_URL' | 'LLM_API_KEY' | 'LLM_MODEL' | 'LLM_TIMEOUT_MS'
>;

/**
 * The agents a process serves: the built-in ones, `llm` when its endpoint is configured, and the
 * tenants' registered agents, dispatched with callbacks to `callbackBaseUrl` (default: the
 * public base URL) through the outbound URL policy and signed with their secrets, which are
 * sealed at rest like webhooks' (WEBHOOK_SECRET_KEYS).
 */
export function agentsFor(db: Database, config: AgentsConfig, options: { callbackBaseUrl?: string } = {}): AgentRegistry {
  const policy = { allowPrivateNetworks: config.OUTBOUND_ALLOW_PRIVATE_NETWORKS };
  const dispatch = createRemoteDispatcher({ db, policy, callbackBaseUrl: options.callbackBaseUrl ?? config.publicBaseUrl, timeoutMs: config.AGENT_DISPATCH_TIMEOUT_MS });
  return new AgentRegistry([...builtInAgents.builtIns(), ...configuredAgents(config)], new RegisteredAgents({ db, dispatch, secrets: webhookSecretBoxFor(config) }));
}

function configuredAgents(config: AgentsConfig): AgentDefinition[] {
  if (!config.LLM_BASE_URL || !config.LLM_API_KEY || !config.LLM_MODEL) return [];
  const fetch = policyFetch({ allowPrivateNetworks: config.OUTBOUND_ALLOW_PRIVATE_NETWORKS, timeoutMs: config.LLM_TIMEOUT_MS });
  return [createLlmAgent({ baseUrl: config.LLM_BASE_URL, apiKey: config.LLM_API_KEY, model: config.LLM_MODEL, fetch })];
}
