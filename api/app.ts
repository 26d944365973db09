import type { Client } from '@temporalio/client';
import express, { type Express } from 'express';
import type { AgentRegistry } from '../agents/registry';
import { ApiKeyLookup } from '../lib/auth/api-keys';
import type { Config } from '../lib/config';
import type { Database } from '../lib/db/client';
import type { EventFeed } from '../lib/events/feed';
import type { Logger } from '../lib/logger';
import { SharedTokenBuckets } from '../lib/rate-limit/shared-buckets';
import type { DownloadUrlSigner } from '../lib/signing/download-urls';
import type { ContentStore } from '../lib/storage/content-store';
import type { TaskStarter } from '../lib/temporal/task-starter';
import { agentCallbacksRouter } from './agent-callbacks/router';
import { agentsRouter } from './agents/router';
import { apiKeysRouter } from './api-keys/router';
import { approvalsRouter } from './approvals/router';
import { channelRulesRouter } from './channel-rules/router';
import { inboundChannelRouter } from './channels/inbound';
import { channelsRouter } from './channels/router';
import { artifactsRouter } from './artifacts/router';
import { consoleRouter } from './console/router';
import { downloadsRouter } from './downloads/router';
import { eventsRouter } from './events/router';
import { filesRouter } from './files/router';
import { healthRouter } from './health/router';
import { meRouter } from './me/router';
import { refuseDeepJson } from './json-depth';
import { openApiRouter } from './openapi/router';
import { databaseMetrics } from './metrics/database-metrics';
import { metricsRouter } from './metrics/router';
import { authenticate } from './middleware/auth';
import { createRateLimits } from './middleware/rate-limit';
import { errorHandler, refuseNulInUrl, requireJsonBody, routeNotFound } from './middleware/errors';
import { observeHttpLatency } from './middleware/http-metrics';
import { requestContext } from './middleware/request-context';
import { retentionRouter } from './retention/router';
import { schedulesRouter } from './schedules/router';
import { sessionsRouter } from './sessions/router';
import { tasksRouter } from './tasks/router';
import { tenantsRouter } from './tenants/router';
import { triggersRouter } from './triggers/router';
import { webhooksRouter } from './webhooks/router';

export interface AppDependencies {
  db: Database;
  temporal: Client;
  agents: AgentRegistry;
  config: Config;
  logger: Logger;
  /** This process's follower of the event log, shared by every SSE connection. */
  feed: EventFeed;
  /** Artifact and uploaded file content (the worker writes artifacts, the API uploads, serves and deletes). */
  storage: ContentStore;
  /** Signs and checks the download URLs of artifacts and files. */
  downloadUrls: DownloadUrlSigner;
  /** Starts the workflows of the tasks this process creates (and any another left pending). */
  starter: TaskStarter;
}

/** The HTTP API: a thin layer that validates, authorizes and hands commands to Temporal. */
export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestContext(deps.logger));
  app.use(observeHttpLatency);
  app.use(healthRouter(deps));
  // The contract and its docs are public, like the health checks.
  app.use(openApiRouter());
  // The console's page and assets are public too; it calls /v1 with the key a person signs in with.
  app.use(consoleRouter());
  app.use(metricsRouter({ token: deps.config.METRICS_TOKEN, extra: [databaseMetrics(deps)] }));
  // Signed URLs are their own authorization: no API key.
  app.use(refuseNulInUrl, downloadsRouter(deps));
  // Registered agents report back with their execution's callback token, not an API key.
  app.use(refuseNulInUrl, agentCallbacksRouter(deps));
  const apiKeys = new ApiKeyLookup(deps.db, (error) => deps.logger.warn({ err: error }, 'could not record API key use'));
  const rateLimits = createRateLimits(new SharedTokenBuckets(deps.db), deps.config);
  // Before API-key authentication: relays may sign inbound messages instead.
  app.use(inboundChannelRouter({ ...deps, apiKeys, rateLimits }));
  app.use('/v1', refuseNulInUrl, authenticate(apiKeys, rateLimits.failedAuthentication), rateLimits.perPrincipal);
  // Before the JSON-only body rule: the event stream also takes the seed's form-encoded filters,
  // and uploads are multipart or raw bytes (streamed, with a limit of their own).
  app.use(eventsRouter(deps));
  app.use(filesRouter(deps));
  // After authentication, so anonymous clients cannot make the server read bodies.
  app.use('/v1', requireJsonBody, express.json({ limit: deps.config.MAX_BODY_BYTES, type: ['application/json', 'application/*+json'], verify: refuseDeepJson }));
  app.use(agentsRouter(deps));
  app.use(tasksRouter(deps));
  app.use(approvalsRouter(deps));
  app.use(artifactsRouter(deps));
  app.use(retentionRouter(deps));
  app.use(apiKeysRouter({ db: deps.db, apiKeys }));
  app.use(meRouter(deps));
  app.use(tenantsRouter(deps));
  app.use(webhooksRouter(deps));
  app.use(schedulesRouter(deps));
  app.use(sessionsRouter(deps));
  app.use(triggersRouter(deps));
  app.use(channelsRouter(deps));
  app.use(channelRulesRouter(deps));
  app.use(routeNotFound);
  app.use(errorHandler);
  return app;
}
