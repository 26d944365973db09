import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { AgentRegistry } from '../../agents/registry';
import type { ApiKeyLookup } from '../../lib/auth/api-keys';
import { type InboundMessage, type RuleMatch, renderInput, ruleMatches } from '../../lib/channels/rules';
import type { Config } from '../../lib/config';
import type { Database, Prisma } from '../../lib/db/client';
import { type NewTask, insertTaskIfValid } from '../../lib/db/task-creation';
import type { File as FileRow } from '../../lib/generated/prisma/client';
import { newId } from '../../lib/ids';
import { outboundFetcherFor } from '../../lib/outbound/fetch-url';
import { type ContentStore, fileContentKey } from '../../lib/storage/content-store';
import type { TaskStarter } from '../../lib/temporal/task-starter';
import { channel as channelName } from '../channel-rules/schemas';
import { decodeCursor, keysetPage } from '../cursor';
import { refuseDeepJson } from '../json-depth';
import { authenticate, principalOf } from '../middleware/auth';
import type { RateLimits } from '../middleware/rate-limit';
import { refuseNulInUrl, requireJsonBody } from '../middleware/errors';
import { HttpProblem, invalidRequest } from '../problem';
import { routerFrom } from '../route-table/register';
import { presentChannelMessage } from './present';
import { channelMessageRoutes } from './routes';
import type { InboundMessageBody, InboundMessageResponse, ListChannelMessagesResponse } from './schemas';

export interface InboundChannelDependencies {
  db: Database;
  storage: ContentStore;
  agents: AgentRegistry;
  starter: TaskStarter;
  apiKeys: ApiKeyLookup;
  rateLimits: RateLimits;
  config: Pick<Config, 'TASK_QUEUE' | 'TENANT_MAX_QUEUED_TASKS' | 'MAX_BODY_BYTES' | 'OUTBOUND_ALLOW_PRIVATE_NETWORKS' | 'FETCH_MAX_BYTES' | 'FETCH_TIMEOUT_MS'>;
}

export const SIGNATURE_HEADER = 'x-taskwright-signature';
export const TENANT_HEADER = 'x-taskwright-tenant';

const ATTACHMENT_PURPOSE = 'channel_attachment';

const badSignature = (detail: string) => new HttpProblem(401, 'invalid_signature', detail);

/**
 * A channel's messages. `POST /v1/channels/:channel/messages` is mounted before API-key
 * authentication because relays (a mail server's hook, a chat bot) may instead sign the raw body
 * with the channel's secret: `X-Taskwright-Signature: sha256=<hex HMAC-SHA256>`, naming their
 * tenant in `X-Taskwright-Tenant` (route auth `key_or_relay`). The message is stored whatever
 * happens next; each of the tenant's rules for the channel that matches it starts its task, in
 * the same transaction. Their listing (GET, same path) takes an API key, checked here too.
 */
export function inboundChannelRouter({ db, storage, agents, starter, apiKeys, rateLimits, config }: InboundChannelDependencies): Router {
  const outbound = outboundFetcherFor(config);
  const rawBodies = new WeakMap<Request, Buffer>();
  const withApiKey = authenticate(apiKeys, rateLimits.failedAuthentication);

  // As behind the app's authentication: the key, then its rate limits.
  const withKey: RequestHandler = async (req, res, next) => {
    await withApiKey(req, res, (error?: unknown) => (error ? next(error) : rateLimits.perPrincipal(req, res, next)));
  };
  // A key, when given, is checked before the body is read; a signature needs the body.
  const keyIfGiven: RequestHandler = async (req, res, next) => {
    if (req.get('authorization') === undefined) return next();
    await withKey(req, res, next);
  };
  // Without a key: the signature must prove the relay knows the channel's secret. An unknown
  // channel is left to the path's validation (a 400 naming it).
  const signatureUnlessKey: RequestHandler = async (req, res, next) => {
    const channel = channelName.safeParse(req.params.channel);
    if (req.principal || !channel.success) return next();
    req.relayTenantId = await signedTenant(req, res, channel.data);
    next();
  };
  const readJson = express.json({
    limit: config.MAX_BODY_BYTES,
    type: ['application/json', 'application/*+json'],
    verify: (req, res, raw) => {
      refuseDeepJson(req, res, raw);
      rawBodies.set(req as Request, raw);
    },
  });

  /** The tenant of a signed request, once its signature proves it knows the channel's secret. */
  async function signedTenant(req: Request, res: Response, channel: string): Promise<string> {
    const signature = req.get(SIGNATURE_HEADER);
    const tenantId = req.get(TENANT_HEADER);
    // A failed authentication takes from its address's budget, as a bad API key does (a 429 once spent).
    const refuse = async (problem: HttpProblem): Promise<never> => {
      await rateLimits.failedAuthentication(req, res);
      throw problem;
    };
    if (signature === undefined) {
      return refuse(new HttpProblem(401, 'unauthorized', `Send "Authorization: Bearer <api key>", or sign the body (${SIGNATURE_HEADER}) and name the tenant (${TENANT_HEADER}).`, {}, { 'WWW-Authenticate': 'Bearer realm="taskwright"' }));
    }
    if (tenantId === undefined) return refuse(badSignature(`A signed message names its tenant in ${TENANT_HEADER}.`));
    const secret = await db.channelSecret.findUnique({ where: { tenantId_channel: { tenantId, channel } } });
    const expected = secret && `sha256=${createHmac('sha256', secret.secret).update(rawBodies.get(req) ?? Buffer.alloc(0)).digest('hex')}`;
    const given = Buffer.from(signature);
    // The same answer for an unknown tenant, a channel without a secret and a wrong signature.
    if (!expected || given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
      return refuse(badSignature('The signature does not match the body and the channel secret.'));
    }
    return tenantId;
  }

  async function storeAttachment(tenantId: string, attachment: InboundMessageBody['attachments'][number], index: number): Promise<FileRow> {
    const id = newId('file');
    const storagePath = fileContentKey(tenantId, id);
    let mimeType = attachment.mime_type ?? 'application/octet-stream';
    let stored;
    if (attachment.content_base64 !== undefined) {
      stored = await storage.put(storagePath, Buffer.from(attachment.content_base64, 'base64'));
    } else {
      const fetched = await outbound.fetch(attachment.url!).catch((error: unknown) => {
        throw invalidRequest([{ field: `attachments.${index}.url`, in: 'body', message: `Could not fetch ${attachment.url}: ${(error as Error).message}` }]);
      });
      mimeType = attachment.mime_type ?? fetched.mimeType;
      stored = await storage.put(storagePath, fetched.content);
    }
    return db.file.create({
      data: { id, tenantId, name: attachment.name, mimeType, sizeBytes: stored.sizeBytes, sha256: stored.sha256, purpose: ATTACHMENT_PURPOSE, storagePath },
    });
  }

  return routerFrom(
    channelMessageRoutes,
    {
      async receiveChannelMessage(req, res, { params: { channel }, body }) {
        const tenantId = req.principal ? principalOf(req).tenantId : req.relayTenantId!;
        const files = [];
        for (const [index, attachment] of body.attachments.entries()) files.push(await storeAttachment(tenantId, attachment, index));
        const message: InboundMessage = { from: body.from, subject: body.subject ?? null, text: body.text, attachments: files.map((file) => file.id) };
        const rules = (await db.channelRule.findMany({ where: { tenantId, channel }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })).filter((rule) =>
          ruleMatches(rule.match as RuleMatch, message),
        );

        const messageId = newId('chm');
        const started = rules.map((rule) => ({ rule_id: rule.id, task_id: newId('task') }));
        await db.$transaction(async (tx) => {
          await tx.channelMessage.create({
            data: { id: messageId, tenantId, channel, from: message.from, subject: message.subject, text: message.text, attachments: message.attachments, started },
          });
          for (const [index, rule] of rules.entries()) {
            const input = renderInput(rule.inputTemplate as Record<string, unknown> | null, message);
            const task: NewTask = {
              id: started[index]!.task_id,
              tenantId,
              agent: rule.agent,
              taskType: rule.taskType,
              input: input as Prisma.InputJsonObject,
              taskQueue: config.TASK_QUEUE,
              title: message.subject,
              trigger: { type: 'channel', sourceId: rule.id, channel },
            };
            await insertTaskIfValid(
              tx,
              agents,
              task,
              {
                code: 'channel_input_invalid',
                explain: (reason) => `Rule ${rule.id} rendered an input the agent refuses: ${reason}`,
              },
              { maxQueued: config.TENANT_MAX_QUEUED_TASKS },
            );
          }
        });
        if (started.length > 0) starter.wake();
        res.status(202).json({ message_id: messageId, channel, matched: started.length > 0, tasks: started, attachments: message.attachments } satisfies InboundMessageResponse);
      },
      async listChannelMessages(req, res, { params: { channel }, query }) {
        const { tenantId } = principalOf(req);
        const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
        const rows = await db.channelMessage.findMany({
          where: { tenantId, channel, ...(after && { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }) },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: query.limit + 1,
        });
        const { page, nextCursor } = keysetPage(rows, query.limit, (message) => message.createdAt);
        res.json({ messages: page.map(presentChannelMessage), next_cursor: nextCursor } satisfies ListChannelMessagesResponse);
      },
    },
    {
      before: {
        receiveChannelMessage: [refuseNulInUrl, keyIfGiven, requireJsonBody, readJson, signatureUnlessKey],
        listChannelMessages: [refuseNulInUrl, withKey],
      },
    },
  );
}
