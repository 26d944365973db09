import type { Config } from '../config';
import type { Logger } from '../logger';
import { type Database, createDatabase } from './client';
import { startEmbeddedPostgres } from './embedded';
import { migrate } from './migrate';

export interface OpenDatabase {
  db: Database;
  url: string;
  /** True when this process started (and alone may use) the embedded database. */
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts the embedded PGlite database when it is unset, and brings
 * the schema up to date (concurrent starters wait on the migration lock).
 */
export async function openDatabase(config: Config, logger: Logger): Promise<OpenDatabase> {
  const embedded = config.DATABASE_URL ? undefined : await startEmbeddedPostgres(config.dataDir, config.EMBEDDED_DATABASE_PORT);
  const url = config.DATABASE_URL ?? embedded!.url;
  if (embedded) logger.info({ dataDir: config.dataDir }, 'DATABASE_URL is unset: using the embedded database');
  try {
    const applied = await migrate(url);
    if (applied.length > 0) logger.info({ migrations: applied }, 'applied database migrations');
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  // PGlite is a single session: its socket server runs each protocol message on its own, so
  // statements from two connections interleave outside transactions. One connection is safe.
  const db = embedded ? createDatabase(url, 1, { transactionMaxWaitMs: 30_000 }) : createDatabase(url, config.DATABASE_POOL_SIZE);
  return {
    db,
    url,
    embedded: embedded !== undefined,
    async close() {
      await db.$disconnect();
      await embedded?.stop();
    },
  };
}
