import type { RequestListener } from 'node:http';
import { buffer } from 'node:stream/consumers';
import { type OutboundFetchFailure, OutboundFetchError, createOutboundFetcher } from '../../lib/outbound/fetch-url';
import { type DocumentServer, startDocumentServer } from '../support/document-server';

const open = createOutboundFetcher({ allowPrivateNetworks: true, maxBytes: 64 * 1024, timeoutMs: 1_000 });
const closed = createOutboundFetcher({ allowPrivateNetworks: false, maxBytes: 64 * 1024, timeoutMs: 1_000 });

let server: DocumentServer;
beforeAll(async () => {
  const redirect = (location: string): RequestListener => (_req, res) => res.writeHead(302, { Location: location }).end();
  const send = (type: string, body: string | Buffer, headers: Record<string, string> = {}): RequestListener => (_req, res) =>
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...headers }).end(body);
  server = await startDocumentServer({
    '/notes.md': send('text/markdown; charset=utf-8', '# Notes\n'),
    '/moved': redirect('/notes.md'),
    '/to-ftp': redirect('ftp://127.0.0.1/notes.md'),
    '/to-credentials': redirect('http://user:secret@127.0.0.1:1/notes.md'),
    '/loop': redirect('/loop'),
    '/page.html': send('text/html', '<p>hi</p>'),
    '/evidence.tar.gz': send('application/octet-stream', Buffer.from([0x1f, 0x8b])),
    '/blob': send('application/octet-stream', Buffer.from([1, 2, 3])),
    '/download': send('application/x-gzip', 'gz', { 'Content-Disposition': 'attachment; filename="repo-main.tar.gz"' }),
    '/declared-large.txt': send('text/plain', 'x'.repeat(65 * 1024)),
    '/streamed-large.txt': (_req, res) => {
      // Chunked, so only counting can tell it is too large.
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      for (let chunk = 0; chunk < 20; chunk++) res.write('x'.repeat(8 * 1024));
      res.end();
    },
    '/missing.pdf': (_req, res) => res.writeHead(404, { 'Content-Type': 'text/plain' }).end('gone'),
    '/silent.pdf': () => {
      // Never answers.
    },
    '/slow-body.txt': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.write('first part, then nothing');
    },
  });
});
afterAll(async () => {
  await server?.stop();
});

async function expectFailure(fetching: Promise<unknown>, reason: OutboundFetchFailure, url: string): Promise<OutboundFetchError> {
  const error = await fetching.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(OutboundFetchError);
  expect(error).toMatchObject({ reason, url });
  expect((error as Error).message).toContain(url);
  return error as OutboundFetchError;
}

describe('the outbound fetcher', () => {
  it('fetches an accepted document, following a redirect, with its name, type and size', async () => {
    const fetched = await open.fetch(server.url('/moved'));
    expect(fetched).toMatchObject({ url: server.url('/notes.md'), name: 'notes.md', mimeType: 'text/markdown', sizeBytes: 8 });
    expect((await buffer(fetched.content)).toString()).toBe('# Notes\n');
  });

  it('refuses loopback addresses without connecting when private networks are not allowed', async () => {
    const before = server.requested.length;
    const error = await expectFailure(closed.fetch(server.url('/notes.md')), 'refused', server.url('/notes.md'));
    expect(error.message).toContain('127.0.0.1');
    await expectFailure(closed.fetch(server.url('/notes.md').replace('127.0.0.1', 'localhost')), 'refused', server.url('/notes.md').replace('127.0.0.1', 'localhost'));
    expect(server.requested.length).toBe(before);
  });

  it('checks every redirect hop: no redirect to another scheme or to a URL the policy refuses, and not forever', async () => {
    const toFtp = await expectFailure(open.fetch(server.url('/to-ftp')), 'refused', server.url('/to-ftp'));
    expect(toFtp.message).toMatch(/http/);
    const toCredentials = await expectFailure(open.fetch(server.url('/to-credentials')), 'refused', server.url('/to-credentials'));
    expect(toCredentials.message).toMatch(/Credentials/);
    await expectFailure(open.fetch(server.url('/loop')), 'redirect', server.url('/loop'));
    expect(server.requested.filter((path) => path === '/loop')).toHaveLength(6);
  });

  it('refuses content types outside the allow-list, and vague types unless the name says which archive', async () => {
    await expectFailure(open.fetch(server.url('/page.html')), 'content_type', server.url('/page.html'));
    await expectFailure(open.fetch(server.url('/blob')), 'content_type', server.url('/blob'));
    await expectFailure(open.fetch(server.url('/notes.md'), { accept: ['application/pdf'] }), 'content_type', server.url('/notes.md'));
    for (const [path, name] of [['/evidence.tar.gz', 'evidence.tar.gz'], ['/download', 'repo-main.tar.gz']]) {
      const fetched = await open.fetch(server.url(path!));
      fetched.content.destroy();
      expect(fetched).toMatchObject({ name, mimeType: 'application/gzip' });
    }
  });

  it('refuses a body over the cap, whether declared or only counted, and a lower cap the caller asks for', async () => {
    await expectFailure(open.fetch(server.url('/declared-large.txt')), 'too_large', server.url('/declared-large.txt'));
    const streamed = await open.fetch(server.url('/streamed-large.txt'));
    expect(streamed.sizeBytes).toBeNull();
    await expectFailure(buffer(streamed.content), 'too_large', server.url('/streamed-large.txt'));
    await expectFailure(open.fetch(server.url('/notes.md'), { maxBytes: 4 }), 'too_large', server.url('/notes.md'));
    // Asking for more than the operator's cap gets the operator's cap.
    await expectFailure(open.fetch(server.url('/declared-large.txt'), { maxBytes: 10 * 1024 * 1024 }), 'too_large', server.url('/declared-large.txt'));
  });

  it('fails on an HTTP error status', async () => {
    const error = await expectFailure(open.fetch(server.url('/missing.pdf')), 'http_status', server.url('/missing.pdf'));
    expect(error.message).toContain('HTTP 404');
  });

  it('gives up after the timeout, whether the answer or the body stalls', async () => {
    const started = Date.now();
    await expectFailure(open.fetch(server.url('/silent.pdf')), 'timeout', server.url('/silent.pdf'));
    expect(Date.now() - started).toBeLessThan(5_000);
    const slow = await open.fetch(server.url('/slow-body.txt'));
    await expectFailure(buffer(slow.content), 'timeout', server.url('/slow-body.txt'));
  });

  it('tears down a body nobody reads once the deadline passes, quietly; a late reader gets the timeout', async () => {
    const abandoned = await open.fetch(server.url('/slow-body.txt'));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await expectFailure(buffer(abandoned.content), 'timeout', server.url('/slow-body.txt'));
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const fetching = open.fetch(server.url('/silent.pdf'), { signal: controller.signal });
    controller.abort(new Error('task cancelled'));
    await expect(fetching).rejects.toThrow('task cancelled');
  });
});
