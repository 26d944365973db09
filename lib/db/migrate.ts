import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { projectRoot } from '../paths';

export const MIGRATIONS_DIR = path.join(projectRoot, 'prisma', 'migrations');

// Prisma Migrate's own advisory lock key, so this runner and `prisma migrate deploy` exclude
// each other wherever the native engine is available.
const PRISMA_MIGRATE_LOCK = 72707369;

// Exactly the bookkeeping table Prisma Migrate creates, so `prisma migrate status` agrees.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  override name = 'MigrationError';
}

interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
}

interface AppliedMigration {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

export function readMigrations(migrationsDir: string): LocalMigration[] {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies the pending migrations under `migrationsDir`, each in its own transaction, and returns
 * the names it applied. Refuses to run when an applied migration was edited, failed half-way,
 * or is no longer on disk: each of those means the database and the code disagree.
 */
export async function migrate(databaseUrl: string, migrationsDir = MIGRATIONS_DIR): Promise<string[]> {
  const local = readMigrations(migrationsDir);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK]);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const applied = await client.query<AppliedMigration>(
        `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"
          WHERE rolled_back_at IS NULL ORDER BY started_at`,
      );
      const pending = pendingMigrations(local, applied.rows);
      for (const migration of pending) await applyMigration(client, migration);
      return pending.map((migration) => migration.name);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK]);
    }
  } finally {
    await client.end();
  }
}

function pendingMigrations(local: LocalMigration[], applied: AppliedMigration[]): LocalMigration[] {
  const localByName = new Map(local.map((migration) => [migration.name, migration]));
  for (const row of applied) {
    const migration = localByName.get(row.migration_name);
    if (!migration) {
      throw new MigrationError(`Migration ${row.migration_name} is applied to the database but missing from disk.`);
    }
    if (row.finished_at === null) {
      throw new MigrationError(`Migration ${row.migration_name} started but did not finish; resolve it by hand.`);
    }
    if (row.checksum !== migration.checksum) {
      throw new MigrationError(
        `Migration ${row.migration_name} was edited after it was applied (checksum mismatch); ` +
          'add a new migration instead of changing an applied one.',
      );
    }
  }
  const appliedNames = new Set(applied.map((row) => row.migration_name));
  return local.filter((migration) => !appliedNames.has(migration.name));
}

async function applyMigration(client: Client, migration: LocalMigration): Promise<void> {
  const id = randomUUID();
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, migration.checksum, migration.name],
    );
    await client.query(migration.sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`);
  }
}
