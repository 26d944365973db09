import http from 'node:http';
import https from 'node:https';
import { type UrlPolicy, guardedLookup, refusedUrlReason } from './url-policy';

export interface PostOptions extends UrlPolicy {
  /** Whole-request timeout. */
  timeoutMs: number;
  userAgent: string;
}

/** How a POST went: the status, or why there was none (`error` is also set for a non-2xx). */
export interface PostResult {
  statusCode: number | null;
  error: string | null;
}

// Receivers answer quickly with a status; their body is not ours to keep.
const RESPONSE_BYTES_READ = 64 * 1024;

/**
 * POSTs a JSON body to a URL the policy allows, connecting only to an address the policy allows
 * (checked at connection time, so DNS rebinding gains nothing). Redirects are not followed: a 3xx
 * is a failure like any other non-2xx. It never throws: whatever goes wrong is the result's error.
 */
export async function postJson(target: string, body: string, headers: Record<string, string>, options: PostOptions): Promise<PostResult> {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return { statusCode: null, error: `${target} is not a URL` };
  }
  // Checked at each request: the policy may have changed since the URL was stored.
  const refused = refusedUrlReason(url, options);
  if (refused) return { statusCode: null, error: refused };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'User-Agent': options.userAgent },
        lookup: guardedLookup(options),
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response) => {
        const statusCode = response.statusCode ?? null;
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > RESPONSE_BYTES_READ) response.destroy();
        });
        const settle = () => resolve({ statusCode, error: statusCode !== null && statusCode >= 200 && statusCode < 300 ? null : `HTTP ${statusCode}` });
        response.on('end', settle).on('close', settle).on('error', settle);
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      const reason = error.name === 'AbortError' || error.name === 'TimeoutError' ? `timed out after ${options.timeoutMs} ms` : error.message;
      resolve({ statusCode: null, error: error.code && !reason.includes(error.code) ? `${error.code}: ${reason}` : reason });
    });
    request.end(body);
  });
}
