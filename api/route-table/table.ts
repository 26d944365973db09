import { agentCallbackRoutes } from '../agent-callbacks/routes';
import { agentRoutes } from '../agents/routes';
import { apiKeyRoutes } from '../api-keys/routes';
import { approvalRoutes } from '../approvals/routes';
import { artifactRoutes } from '../artifacts/routes';
import { channelRuleRoutes } from '../channel-rules/routes';
import { channelMessageRoutes, channelRoutes } from '../channels/routes';
import { consoleRoutes } from '../console/routes';
import { downloadRoutes } from '../downloads/routes';
import { eventRoutes } from '../events/routes';
import { fileRoutes } from '../files/routes';
import { healthRoutes } from '../health/routes';
import { meRoutes } from '../me/routes';
import { metricsRoutes } from '../metrics/routes';
import { openApiRoutes } from '../openapi/routes';
import { retentionRoutes } from '../retention/routes';
import { scheduleRoutes } from '../schedules/routes';
import { sessionRoutes } from '../sessions/routes';
import { taskRoutes } from '../tasks/routes';
import { tenantRoutes } from '../tenants/routes';
import { triggerRoutes } from '../triggers/routes';
import { webhookRoutes } from '../webhooks/routes';
import type { RouteDeclaration } from './declare';

const RESOURCES: Record<string, RouteDeclaration>[] = [
  healthRoutes,
  metricsRoutes,
  openApiRoutes,
  consoleRoutes,
  downloadRoutes,
  agentCallbackRoutes,
  taskRoutes,
  approvalRoutes,
  artifactRoutes,
  fileRoutes,
  eventRoutes,
  agentRoutes,
  retentionRoutes,
  apiKeyRoutes,
  meRoutes,
  tenantRoutes,
  webhookRoutes,
  scheduleRoutes,
  sessionRoutes,
  triggerRoutes,
  channelMessageRoutes,
  channelRoutes,
  channelRuleRoutes,
];

/**
 * Every route the server answers, by operation name: what the OpenAPI document describes. A
 * resource's routes are added here once; its router is built from the same declarations.
 */
export const routeTable: Record<string, RouteDeclaration> = {};
for (const routes of RESOURCES) {
  for (const [operationId, route] of Object.entries(routes)) {
    if (operationId in routeTable) throw new Error(`Two routes are named ${operationId}; operation names must be unique`);
    routeTable[operationId] = route;
  }
}
