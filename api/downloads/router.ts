import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Request, Response, Router } from 'express';
import type { Database } from '../../lib/db/client';
import type { DownloadKind, DownloadUrlSigner } from '../../lib/signing/download-urls';
import { type ByteRange, ContentMissingError, type ContentStore } from '../../lib/storage/content-store';
import { HttpProblem, notFound } from '../problem';
import { type RouteHandler, routerFrom } from '../route-table/register';
import { downloadRoutes } from './routes';

/** Stored content as a download serves it. */
interface Download {
  id: string;
  name: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storagePath: string;
}

const TITLES: Record<DownloadKind, string> = { artifact: 'Artifact', file: 'File' };

/**
 * The signed download URLs: `GET /files/artifacts/:id` (artifact content) and
 * `GET /files/uploads/:id` (uploaded files), each with `?tenant&expires&signature`, for whoever
 * holds a valid URL, no API key needed. The content is checked against its sha256 before any of
 * it is first served by this process; Range requests get 206.
 */
export function downloadsRouter({ db, storage, downloadUrls }: { db: Database; storage: ContentStore; downloadUrls: DownloadUrlSigner }): Router {
  const verified = new VerifiedContents();

  const load: Record<DownloadKind, (id: string, tenantId: string) => Promise<Download | undefined>> = {
    async artifact(id, tenantId) {
      const artifact = await db.artifact.findFirst({ where: { id, tenantId } });
      if (!artifact?.storagePath || artifact.sha256 === null) return undefined;
      const { displayName: name, mimeType, sizeBytes, sha256, storagePath } = artifact;
      return { id, name, mimeType, sizeBytes: Number(sizeBytes), sha256, storagePath };
    },
    async file(id, tenantId) {
      const file = await db.file.findFirst({ where: { id, tenantId } });
      return file ? { ...file, sizeBytes: Number(file.sizeBytes) } : undefined;
    },
  };

  const download =
    (kind: DownloadKind): RouteHandler<(typeof downloadRoutes)['downloadArtifact']> =>
    async (req, res, { params, query }) => {
      const claims = { kind, id: params.id, tenantId: query.tenant };
      const check = downloadUrls.verify(claims, query.expires, query.signature);
      if (!check.valid) {
        throw check.reason === 'expired'
          ? new HttpProblem(403, 'signed_url_expired', `This download URL has expired; fetch the ${kind} again for a fresh one.`)
          : new HttpProblem(403, 'signed_url_invalid', `This download URL is not valid for this ${kind}.`);
      }
      const found = await load[kind](claims.id, claims.tenantId);
      if (!found) throw notFound(`${TITLES[kind]} ${claims.id}`);
      await serve(kind, found, storage, verified, req, res);
    };

  return routerFrom(downloadRoutes, { downloadArtifact: download('artifact'), downloadFile: download('file') });
}

/**
 * The contents this process has read whole and found matching their hash. Hashing a file on every
 * request would let a client make the server read gigabytes for `Range: bytes=0-0`; a content's
 * bytes never change under its storage path, so one check per process is enough.
 */
class VerifiedContents {
  private static readonly MAX_ENTRIES = 10_000;
  private readonly keys = new Set<string>();

  has(download: Download): boolean {
    return this.keys.has(VerifiedContents.key(download));
  }

  add(download: Download): void {
    if (this.keys.size >= VerifiedContents.MAX_ENTRIES) this.keys.delete(this.keys.values().next().value!);
    this.keys.add(VerifiedContents.key(download));
  }

  private static key(download: Download): string {
    return `${download.storagePath}\n${download.sha256}`;
  }
}

async function serve(kind: DownloadKind, download: Download, storage: ContentStore, verified: VerifiedContents, req: Request, res: Response): Promise<void> {
  const size = download.sizeBytes;
  const range = parseRange(req.get('range'), size);
  // setHeader, not res.set: Express would add a charset to the stored MIME type.
  res.setHeader('Content-Type', download.mimeType);
  res.set({
    ETag: `"${download.sha256}"`,
    'Content-Disposition': contentDisposition(download.name),
    'X-Content-Type-Options': 'nosniff',
    // Agent-chosen content (text/html, SVG) is served from the API's origin: a sandbox gives it
    // an opaque origin of its own, with no scripts, should a browser ever render it.
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'private, no-store',
  });
  if (range === 'unsatisfiable') {
    res.status(416).set('Content-Range', `bytes */${size}`).end();
    return;
  }
  // Whatever bytes are served, the whole content is checked first (HEAD serves none).
  if (req.method !== 'HEAD' && !verified.has(download)) {
    await verifyContent(kind, download, storage, req);
    verified.add(download);
  }
  if (range) res.status(206).set('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
  res.set('Content-Length', String(range ? range.end - range.start + 1 : size));
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  await pipeline(await storage.read(download.storagePath, range ?? undefined), res);
}

/**
 * Reads the whole content once and compares it with the hash and size taken when it was written;
 * stops reading if the client goes away.
 */
async function verifyContent(kind: DownloadKind, download: Download, storage: ContentStore, req: Request): Promise<void> {
  const hash = createHash('sha256');
  let size = 0;
  try {
    const content = await storage.read(download.storagePath);
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
    throw new HttpProblem(500, `${kind}_content_missing`, `The stored content of ${kind} ${download.id} is missing.`, { [`${kind}_id`]: download.id });
  }
  if (hash.digest('hex') !== download.sha256 || size !== download.sizeBytes) {
    throw new HttpProblem(500, `${kind}_integrity_error`, `The stored content of ${kind} ${download.id} does not match its sha256; it is not served.`, {
      [`${kind}_id`]: download.id,
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
