import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  /** A postgres:// URL other processes (and this one) connect to. */
  url: string;
  stop(): Promise<void>;
}

/**
 * The embedded default database: PGlite (PostgreSQL compiled to WASM) with its data under
 * `dataDir`, served on a loopback socket so the API and worker processes connect to it exactly
 * as they would to a real PostgreSQL. Exactly one process may own a PGlite data directory, so a
 * lock file refuses a second owner instead of corrupting the data.
 */
export async function startEmbeddedPostgres(dataDir: string, port = 0): Promise<EmbeddedPostgres> {
  const directory = path.join(dataDir, 'pglite');
  fs.mkdirSync(directory, { recursive: true });
  const releaseLock = acquireLock(path.join(dataDir, 'pglite.lock'));
  try {
    const db = await PGlite.create(directory);
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 100 });
    await server.start();
    const conn = server.getServerConn();
    return {
      url: `postgresql://postgres:postgres@${conn}/postgres?sslmode=disable`,
      async stop() {
        await server.stop();
        await db.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

function acquireLock(lockFile: string): () => void {
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const owner = Number(fs.readFileSync(lockFile, 'utf8'));
    if (isAlive(owner)) {
      throw new Error(
        `The embedded database in ${path.dirname(lockFile)} is in use by process ${owner}; ` +
          'stop it, or set DATABASE_URL to share one PostgreSQL between processes.',
      );
    }
    fs.writeFileSync(lockFile, String(process.pid));
  }
  return () => fs.rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
