import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { type Request, Router } from 'express';
import type { Database } from '../../lib/db/client';
import type { Artifact } from '../../lib/generated/prisma/client';
import type { ArtifactUrlSigner } from '../../lib/signing/artifact-urls';
import { type ByteRange, ContentMissingError, type ContentStore } from '../../lib/storage/content-store';
import { methodNotAllowed } from '../middleware/errors';
import { HttpProblem, notFound } from '../problem';
import { parseQuery } from '../validation';
import { signedDownloadQuery } from './schemas';

/**
 * `GET /files/artifacts/:id?tenant&expires&signature`: artifact content for whoever holds a
 * valid signed URL, no API key needed. The content is checked against its sha256 before any of
 * it is served; Range requests get 206.
 */
export function artifactDownloadRouter({ db, storage, artifactUrls }: { db: Database; storage: ContentStore; artifactUrls: ArtifactUrlSigner }): Router {
  const router = Router();

  router
    .route('/files/artifacts/:id')
    .get(async (req, res) => {
      const query = parseQuery(signedDownloadQuery, req);
      const claims = { artifactId: req.params.id, tenantId: query.tenant };
      const check = artifactUrls.verify(claims, query.expires, query.signature);
      if (!check.valid) {
        throw check.reason === 'expired'
          ? new HttpProblem(403, 'signed_url_expired', 'This download URL has expired; fetch the artifact again for a fresh one.')
          : new HttpProblem(403, 'signed_url_invalid', 'This download URL is not valid for this artifact.');
      }
      const artifact = await db.artifact.findFirst({ where: { id: claims.artifactId, tenantId: claims.tenantId } });
      if (!artifact?.storagePath) throw notFound(`Artifact ${claims.artifactId}`);

      const size = Number(artifact.sizeBytes);
      const range = parseRange(req.get('range'), size);
      // setHeader, not res.set: Express would add a charset to the agent's MIME type.
      res.setHeader('Content-Type', artifact.mimeType);
      res.set({
        ETag: `"${artifact.sha256}"`,
        'Content-Disposition': contentDisposition(artifact.displayName),
        'X-Content-Type-Options': 'nosniff',
        'Accept-Ranges': 'bytes',
        'Cache-Control': 'private, no-store',
      });
      if (range === 'unsatisfiable') {
        res.status(416).set('Content-Range', `bytes */${size}`).end();
        return;
      }
      // Whatever bytes are served, the whole content is checked first (HEAD serves none).
      if (req.method !== 'HEAD') await verifyContent(storage, artifact, req);
      if (range) res.status(206).set('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
      res.set('Content-Length', String(range ? range.end - range.start + 1 : size));
      if (req.method === 'HEAD' || size === 0) {
        res.end();
        return;
      }
      await pipeline(await storage.read(artifact.storagePath, range ?? undefined), res);
    })
    .all(methodNotAllowed);

  return router;
}

/**
 * Reads the whole content once and compares it with the hash and size taken when it was written;
 * stops reading if the client goes away.
 */
async function verifyContent(storage: ContentStore, artifact: Artifact, req: Request): Promise<void> {
  const hash = createHash('sha256');
  let size = 0;
  try {
    const content = await storage.read(artifact.storagePath!);
    const abandon = () => content.destroy(new Error('client went away'));
    req.once('close', abandon);
    try {
      for await (const chunk of content) {
        hash.update(chunk as Buffer);
        size += (chunk as Buffer).length;
      }
    } finally {
      req.off('close', abandon);
    }
  } catch (error) {
    if (!(error instanceof ContentMissingError)) throw error;
    throw new HttpProblem(500, 'artifact_content_missing', `The stored content of artifact ${artifact.id} is missing.`, { artifact_id: artifact.id });
  }
  if (hash.digest('hex') !== artifact.sha256 || size !== Number(artifact.sizeBytes)) {
    throw new HttpProblem(500, 'artifact_integrity_error', `The stored content of artifact ${artifact.id} does not match its sha256; it is not served.`, {
      artifact_id: artifact.id,
    });
  }
}

/**
 * One `bytes=` range (start-end, start-, or -suffix), clamped to the content. Several ranges, or
 * a header this does not understand, are answered with the whole content, as HTTP allows.
 */
function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const [, first, last] = match;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return 'unsatisfiable';
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return end < start ? null : { start, end };
}

/** `attachment` with the display name, ASCII fallback plus the exact UTF-8 name (RFC 6266). */
function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
