import type { Router } from 'express';
import type { Config } from '../../lib/config';
import type { Database, Prisma } from '../../lib/db/client';
import { newId } from '../../lib/ids';
import type { DownloadUrlSigner } from '../../lib/signing/download-urls';
import { type ContentStore, fileContentKey } from '../../lib/storage/content-store';
import { decodeCursor, keysetPage } from '../cursor';
import { principalOf } from '../middleware/auth';
import { notFound } from '../problem';
import { routerFrom } from '../route-table/register';
import { presentFile } from './present';
import { fileRoutes } from './routes';
import { receiveUpload } from './upload';

export interface FilesRouterDependencies {
  db: Database;
  storage: ContentStore;
  downloadUrls: DownloadUrlSigner;
  config: Pick<Config, 'FILE_MAX_BYTES' | 'publicBaseUrl'>;
}

/**
 * The tenant's uploads, which tasks use as input: upload (streamed into the content store), list,
 * read (with a fresh signed URL), delete. Mounted before the JSON-only body rule: uploads are
 * multipart/form-data or raw bytes.
 */
export function filesRouter({ db, storage, downloadUrls, config }: FilesRouterDependencies): Router {
  const signing = { signer: downloadUrls, publicBaseUrl: config.publicBaseUrl };

  async function loadFile(tenantId: string, id: string) {
    const file = await db.file.findFirst({ where: { id, tenantId } });
    if (!file) throw notFound(`File ${id}`);
    return file;
  }

  return routerFrom(fileRoutes, {
    async uploadFile(req, res, { query }) {
      const { tenantId } = principalOf(req);
      const id = newId('file');
      const storagePath = fileContentKey(tenantId, id);
      const received = await receiveUpload(req, query, { storage, key: storagePath, maxBytes: config.FILE_MAX_BYTES });
      // The content is stored before the row exists; without the row it would be unreachable.
      const file = await db.file
        .create({
          data: {
            id,
            tenantId,
            name: received.name,
            mimeType: received.mimeType,
            sizeBytes: received.stored.sizeBytes,
            sha256: received.stored.sha256,
            purpose: received.purpose,
            storagePath,
          },
        })
        .catch(async (error: unknown) => {
          await storage.delete(storagePath);
          throw error;
        });
      res.status(201).location(`/v1/files/${file.id}`).json(presentFile(file, signing));
    },
    async listFiles(req, res, { query }) {
      const { tenantId } = principalOf(req);
      const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
      const where: Prisma.FileWhereInput = {
        tenantId,
        purpose: query.purpose,
        ...(after && { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }),
      };
      // Newest first, ties broken by id: a total order, so pages neither repeat nor skip.
      const files = await db.file.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: query.limit + 1 });
      const { page, nextCursor } = keysetPage(files, query.limit, (file) => file.createdAt);
      res.json({ files: page.map((file) => presentFile(file, signing)), next_cursor: nextCursor });
    },
    async getFile(req, res, { params }) {
      const { tenantId } = principalOf(req);
      res.json(presentFile(await loadFile(tenantId, params.id), signing));
    },
    async deleteFile(req, res, { params }) {
      const { tenantId } = principalOf(req);
      const file = await loadFile(tenantId, params.id);
      // Content first: if this fails the row is still there for a retry to delete.
      await storage.delete(file.storagePath);
      const { count } = await db.file.deleteMany({ where: { id: file.id, tenantId } });
      if (count === 0) throw notFound(`File ${file.id}`);
      res.json({ deleted: true, file_id: file.id });
    },
  });
}
