import http, { type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DocumentServer {
  /** `http://127.0.0.1:<port><path>`. */
  url(path: string): string;
  /** Paths requested so far, in order. */
  requested: string[];
  stop(): Promise<void>;
}

/** A real HTTP server on loopback answering each path with its handler (404 otherwise). */
export async function startDocumentServer(routes: Record<string, RequestListener>): Promise<DocumentServer> {
  const requested: string[] = [];
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requested.push(path);
    const route = routes[path];
    if (route) return route(req, res);
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requested,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
