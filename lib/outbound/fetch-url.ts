import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import type { Config } from '../config';
import { type UrlPolicy, guardedLookup, refusedUrlReason } from './url-policy';

/** Documents agents read: PDF, DOCX, plain text, Markdown, CSV, JSON. */
export const DOCUMENT_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'text/plain',
  'text/markdown',
  'text/csv',
  'application/json',
];

/** Archives agents unpack, as fetches report them: zip, and gzip (tar.gz). */
export const ARCHIVE_TYPES = ['application/zip', 'application/gzip'];

const ZIP_TYPES = new Set(['application/zip', 'application/x-zip-compressed']);
// Servers label archives vaguely: these types count as the archive a name ends in, and otherwise
// as plain application/octet-stream.
const VAGUE_TYPES = new Set(['application/gzip', 'application/x-gzip', 'application/x-tar', 'application/x-gtar', 'application/octet-stream']);
const ARCHIVE_NAME = /\.(zip|tar\.gz|tgz)$/i;

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export type OutboundFetchFailure =
  /** The URL, or an address its name resolves to, is refused by the URL policy. */
  | 'refused'
  | 'dns'
  | 'connection'
  | 'timeout'
  /** The server answered with a status of 400 or more (or another non-2xx that is no redirect). */
  | 'http_status'
  /** Too many redirects, or one without a usable Location. */
  | 'redirect'
  | 'too_large'
  | 'content_type';

/** Why an outbound fetch failed: `reason` for code, the message names the URL for people. */
export class OutboundFetchError extends Error {
  override name = 'OutboundFetchError';
  constructor(
    readonly reason: OutboundFetchFailure,
    readonly url: string,
    detail: string,
  ) {
    super(`Could not fetch ${url}: ${detail}`);
  }
}

export interface OutboundFetchOptions {
  /** MIME types accepted (default: DOCUMENT_TYPES and ARCHIVE_TYPES). */
  accept?: string[];
  /** Lower than the operator's cap, never higher. */
  maxBytes?: number;
  /** Aborts the fetch, body included (e.g. the task was cancelled). */
  signal?: AbortSignal;
}

export interface FetchedContent {
  /** Where the content came from, after redirects. */
  url: string;
  /** The server's Content-Disposition file name, else the last segment of the URL's path. */
  name: string;
  /**
   * The response's type without parameters. Archives are `application/zip` or `application/gzip`;
   * a vague type (octet-stream, x-gzip, x-tar, ...) is the archive its name ends in (.zip,
   * .tar.gz, .tgz), else `application/octet-stream`.
   */
  mimeType: string;
  /** Content-Length, or null when the server did not send one. */
  sizeBytes: number | null;
  /** The body; it fails with an OutboundFetchError if it outgrows the cap or the deadline. */
  content: Readable;
}

export interface OutboundFetcher {
  fetch(url: string, options?: OutboundFetchOptions): Promise<FetchedContent>;
}

export interface OutboundFetcherOptions extends UrlPolicy {
  /** The operator's cap on one fetched body. */
  maxBytes: number;
  /** Budget of one whole fetch: every redirect hop and the body. */
  timeoutMs: number;
}

/**
 * The one way the server fetches a URL for a tenant (documents, archives, files named by URL).
 * Every hop is checked against the URL policy and connects to the address that was checked
 * (guardedLookup); redirects are followed by hand, at most MAX_REDIRECTS of them; the body is
 * capped by Content-Length and by counting, the whole fetch by one deadline; only the accepted
 * content types get through.
 */
export function createOutboundFetcher(options: OutboundFetcherOptions): OutboundFetcher {
  return {
    async fetch(url, { accept = [...DOCUMENT_TYPES, ...ARCHIVE_TYPES], maxBytes = options.maxBytes, signal } = {}) {
      const cap = Math.min(maxBytes, options.maxBytes);
      const fail = (reason: OutboundFetchFailure, detail: string) => new OutboundFetchError(reason, url, detail);
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        throw fail('refused', 'not a URL');
      }

      // One deadline for the whole fetch; whatever is in flight when it passes is torn down.
      const deadline = AbortSignal.any([AbortSignal.timeout(options.timeoutMs), ...(signal ? [signal] : [])]);
      const whyAborted = () =>
        signal?.aborted ? (signal.reason as Error) : fail('timeout', `no complete answer within ${options.timeoutMs} ms`);

      for (let hop = 0; ; hop++) {
        const response = await request(target, accept, options, deadline, whyAborted, fail);
        const status = response.statusCode ?? 0;
        if (REDIRECT_STATUSES.has(status)) {
          response.destroy();
          const location = response.headers.location;
          if (hop === MAX_REDIRECTS) throw fail('redirect', `more than ${MAX_REDIRECTS} redirects`);
          const next = location === undefined ? undefined : URL.parse(location, target.href);
          if (!next) throw fail('redirect', `HTTP ${status} without a usable Location`);
          target = next;
          continue;
        }
        if (status < 200 || status >= 300) {
          response.destroy();
          throw fail('http_status', hop === 0 ? `HTTP ${status}` : `HTTP ${status} from ${target}, where it was redirected`);
        }

        const name = dispositionName(response.headers['content-disposition']) ?? lastPathSegment(target);
        const mimeType = contentType(response.headers['content-type'], name);
        if (!accept.includes(mimeType)) {
          response.destroy();
          throw fail('content_type', `its content type ${response.headers['content-type'] ?? '(none)'} is not one of ${accept.join(', ')}`);
        }
        const declared = response.headers['content-length'];
        const length = declared !== undefined && /^\d+$/.test(declared) ? Number(declared) : null;
        if (length !== null && length > cap) {
          response.destroy();
          throw fail('too_large', `${length} bytes is more than the ${cap} allowed`);
        }
        return { url: target.toString(), name, mimeType, sizeBytes: length, content: capped(response, cap, deadline, whyAborted, fail) };
      }
    },
  };
}

/** The fetcher the operator configured (OUTBOUND_ALLOW_PRIVATE_NETWORKS, FETCH_MAX_BYTES, FETCH_TIMEOUT_MS). */
export function outboundFetcherFor(config: Pick<Config, 'OUTBOUND_ALLOW_PRIVATE_NETWORKS' | 'FETCH_MAX_BYTES' | 'FETCH_TIMEOUT_MS'>): OutboundFetcher {
  return createOutboundFetcher({ allowPrivateNetworks: config.OUTBOUND_ALLOW_PRIVATE_NETWORKS, maxBytes: config.FETCH_MAX_BYTES, timeoutMs: config.FETCH_TIMEOUT_MS });
}

/** One GET, resolved with the response head; failures become OutboundFetchErrors. */
function request(
  target: URL,
  accept: string[],
  policy: UrlPolicy,
  deadline: AbortSignal,
  whyAborted: () => Error,
  fail: (reason: OutboundFetchFailure, detail: string) => OutboundFetchError,
): Promise<http.IncomingMessage> {
  const refused = refusedUrlReason(target, policy);
  if (refused) return Promise.reject(fail('refused', refused));
  if (deadline.aborted) return Promise.reject(whyAborted());
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.request(target, {
      headers: { Accept: accept.join(', '), 'Accept-Encoding': 'identity', 'User-Agent': 'Taskwright-Fetch/1' },
      lookup: guardedLookup(policy),
      // No pooled connection: each request connects to the address its own lookup checked.
      agent: false,
    });
    const abort = () => outgoing.destroy(whyAborted());
    deadline.addEventListener('abort', abort, { once: true });
    outgoing.on('response', (response) => {
      deadline.removeEventListener('abort', abort);
      resolve(response);
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      deadline.removeEventListener('abort', abort);
      if (deadline.aborted) return reject(whyAborted());
      if (error.code === 'EREFUSEDADDRESS') return reject(fail('refused', error.message));
      if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return reject(fail('dns', `${target.hostname} does not resolve (${error.code})`));
      reject(fail('connection', `${error.code ?? error.name}: ${error.message}`));
    });
    outgoing.end();
  });
}

/**
 * The body, failing once it passes `cap` bytes or the deadline passes. The deadline tears the
 * download down even while nobody reads; the reader, if one comes, then gets the error.
 */
function capped(
  response: http.IncomingMessage,
  cap: number,
  deadline: AbortSignal,
  whyAborted: () => Error,
  fail: (reason: OutboundFetchFailure, detail: string) => OutboundFetchError,
): Readable {
  const abort = () => response.destroy(whyAborted());
  deadline.addEventListener('abort', abort, { once: true });
  // Errors reach the reader through the iteration below; unread, they must not go unhandled.
  response.on('error', () => {});
  async function* body() {
    let read = 0;
    try {
      for await (const chunk of response as AsyncIterable<Buffer>) {
        read += chunk.length;
        if (read > cap) throw fail('too_large', `the body grew past the ${cap} bytes allowed`);
        yield chunk;
      }
    } catch (error) {
      if (deadline.aborted) throw whyAborted();
      throw error instanceof OutboundFetchError ? error : fail('connection', `the body broke off: ${(error as Error).message}`);
    }
  }
  const content = Readable.from(body(), { objectMode: false });
  // Read to the end, failed, or dropped by its reader: the download is over.
  content.once('close', () => {
    deadline.removeEventListener('abort', abort);
    response.destroy();
  });
  return content;
}

function contentType(header: string | undefined, name: string): string {
  const type = (header ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
  if (ZIP_TYPES.has(type)) return 'application/zip';
  if (!VAGUE_TYPES.has(type)) return type;
  const archive = ARCHIVE_NAME.exec(name)?.[1]?.toLowerCase();
  if (archive === undefined) return 'application/octet-stream';
  return archive === 'zip' ? 'application/zip' : 'application/gzip';
}

/** `filename*=UTF-8''…` or `filename="…"` of a Content-Disposition header, as a bare name. */
function dispositionName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)?.[1];
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(header);
  let name: string | undefined;
  try {
    name = extended !== undefined ? decodeURIComponent(extended.trim()) : (plain?.[1] ?? plain?.[2])?.trim();
  } catch {
    name = (plain?.[1] ?? plain?.[2])?.trim();
  }
  // Only the base name: a server does not get to choose directories.
  return name?.split(/[\\/]/).pop() || undefined;
}

function lastPathSegment(url: URL): string {
  const segment = url.pathname.split('/').filter(Boolean).pop();
  if (!segment) return url.hostname;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
