import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { type UrlPolicy, guardedLookup, refusedUrlReason } from './url-policy';

/**
 * A `fetch` for client libraries (e.g. the OpenAI client) that applies the outbound URL policy:
 * the URL is checked, the socket connects only to an address the policy allows, redirects are
 * not followed, and `timeoutMs` bounds the whole request. A refused URL rejects with a TypeError,
 * as fetch does for a network failure.
 */
export function policyFetch(policy: UrlPolicy & { timeoutMs: number }): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
  return async (input, init = {}) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const refused = refusedUrlReason(url, policy);
    if (refused) throw new TypeError(`${url.origin}: ${refused}`);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const signal = AbortSignal.any([AbortSignal.timeout(policy.timeoutMs), ...(init.signal ? [init.signal] : [])]);
    const headers = Object.fromEntries(request.headers);
    const client = url.protocol === 'https:' ? https : http;
    return new Promise<Response>((resolve, reject) => {
      const outgoing = client.request(url, { method: request.method, headers, lookup: guardedLookup(policy), signal }, (incoming) => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) {
          for (const single of Array.isArray(value) ? value : value === undefined ? [] : [value]) responseHeaders.append(name, single);
        }
        const status = incoming.statusCode ?? 502;
        const hasBody = request.method !== 'HEAD' && status !== 204 && status !== 304;
        resolve(new Response(hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : null, { status, statusText: incoming.statusMessage, headers: responseHeaders }));
      });
      outgoing.on('error', (error) => reject(signal.aborted && init.signal?.aborted ? init.signal.reason : new TypeError(error.message, { cause: error })));
      outgoing.end(body);
    });
  };
}
