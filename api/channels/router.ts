import type { Router } from 'express';
import type { Database } from '../../lib/db/client';
import { principalOf } from '../middleware/auth';
import { routerFrom } from '../route-table/register';
import { presentChannel } from './present';
import { channelRoutes } from './routes';
import type { ListChannelsResponse } from './schemas';

/** The tenant's channels and their relay secrets (inbound.ts receives and lists their messages). */
export function channelsRouter({ db }: { db: Database }): Router {
  return routerFrom(channelRoutes, {
    async listChannels(req, res) {
      const { tenantId } = principalOf(req);
      const secrets = await db.channelSecret.findMany({ where: { tenantId }, orderBy: { channel: 'asc' } });
      res.json({ channels: secrets.map(presentChannel) } satisfies ListChannelsResponse);
    },
    async setChannelSecret(req, res, { params: { channel }, body: { secret } }) {
      const { tenantId } = principalOf(req);
      const saved = await db.channelSecret.upsert({
        where: { tenantId_channel: { tenantId, channel } },
        create: { tenantId, channel, secret },
        update: { secret },
      });
      res.json(presentChannel(saved));
    },
  });
}
