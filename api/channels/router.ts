import { Router } from 'express';
import type { Database } from '../../lib/db/client';
import { channel as channelName } from '../channel-rules/schemas';
import { decodeCursor, keysetPage } from '../cursor';
import { principalOf, requireAdmin } from '../middleware/auth';
import { methodNotAllowed } from '../middleware/errors';
import { invalidRequest } from '../problem';
import { parseBody, parseQuery } from '../validation';
import { presentChannel, presentChannelMessage } from './present';
import { type ListChannelMessagesResponse, type ListChannelsResponse, channelSecretBody, listChannelMessagesQuery } from './schemas';

/** The tenant's channels: their relay secrets, and the messages they received (inbound.ts receives them). */
export function channelsRouter({ db }: { db: Database }): Router {
  const router = Router();

  const channelOf = (value: string) => {
    const parsed = channelName.safeParse(value);
    if (!parsed.success) throw invalidRequest([{ field: 'channel', in: 'path', message: parsed.error.issues[0]!.message }]);
    return parsed.data;
  };

  router
    .route('/v1/channels')
    .get(async (req, res) => {
      const { tenantId } = principalOf(req);
      const secrets = await db.channelSecret.findMany({ where: { tenantId }, orderBy: { channel: 'asc' } });
      res.json({ channels: secrets.map(presentChannel) } satisfies ListChannelsResponse);
    })
    .all(methodNotAllowed);

  router
    .route('/v1/channels/:channel')
    .put(async (req, res) => {
      const { tenantId } = requireAdmin(req);
      const channel = channelOf(req.params.channel);
      const { secret } = parseBody(channelSecretBody, req);
      const saved = await db.channelSecret.upsert({
        where: { tenantId_channel: { tenantId, channel } },
        create: { tenantId, channel, secret },
        update: { secret },
      });
      res.json(presentChannel(saved));
    })
    .all(methodNotAllowed);

  router
    .route('/v1/channels/:channel/messages')
    .get(async (req, res) => {
      const { tenantId } = principalOf(req);
      const channel = channelOf(req.params.channel);
      const query = parseQuery(listChannelMessagesQuery, req);
      const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
      const rows = await db.channelMessage.findMany({
        where: { tenantId, channel, ...(after && { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }) },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: query.limit + 1,
      });
      const { page, nextCursor } = keysetPage(rows, query.limit, (message) => message.createdAt);
      res.json({ messages: page.map(presentChannelMessage), next_cursor: nextCursor } satisfies ListChannelMessagesResponse);
    })
    .all(methodNotAllowed);

  return router;
}
