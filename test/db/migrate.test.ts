import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { migrate, MigrationError, MIGRATIONS_DIR, readMigrations } from '../../lib/db/migrate';
import { createDatabase, dropDatabase, uniqueDatabaseName } from '../support/postgres';
import { testEnvironment } from '../support/globals';

// Real PostgreSQL: every test gets its own empty database, and tests that change the migrations
// work on a copy of prisma/migrations.

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

const { adminUrl } = testEnvironment();
let databaseName: string;
let databaseUrl: string;
let migrationsCopy: string;

beforeEach(async () => {
  databaseName = uniqueDatabaseName('migrate');
  databaseUrl = await createDatabase(adminUrl, databaseName);
  migrationsCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'taskwright-migrations-'));
  fs.cpSync(MIGRATIONS_DIR, migrationsCopy, { recursive: true });
});

afterEach(async () => {
  await dropDatabase(adminUrl, databaseName);
  fs.rmSync(migrationsCopy, { recursive: true, force: true });
});

const projectMigrations = readMigrations(MIGRATIONS_DIR).map((migration) => migration.name);

async function query<T extends object>(sql: string): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const appliedRows = () =>
  query<MigrationRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
       FROM "_prisma_migrations" ORDER BY migration_name`,
  );

async function tableExists(name: string): Promise<boolean> {
  const rows = await query<{ exists: boolean }>(`SELECT to_regclass('public.${name}') IS NOT NULL AS exists`);
  return rows[0]?.exists ?? false;
}

/** Adds a migration to the copy; names sort after every real migration. */
function addMigration(name: string, sql: string): void {
  fs.mkdirSync(path.join(migrationsCopy, name));
  fs.writeFileSync(path.join(migrationsCopy, name, 'migration.sql'), sql);
}

test('a fresh database gets every migration, each recorded as Prisma Migrate records it', async () => {
  expect(projectMigrations.length).toBeGreaterThan(0);

  expect(await migrate(databaseUrl)).toEqual(projectMigrations);

  const rows = await appliedRows();
  expect(rows.map((row) => row.migration_name)).toEqual(projectMigrations);
  for (const row of rows) {
    const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
    expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
    expect(row.finished_at).toBeInstanceOf(Date);
    expect(row.rolled_back_at).toBeNull();
    expect(row.applied_steps_count).toBe(1);
  }
  expect(await tableExists('tasks')).toBe(true);
});

test('running again applies nothing', async () => {
  await migrate(databaseUrl);
  const before = await appliedRows();

  expect(await migrate(databaseUrl)).toEqual([]);
  expect(await appliedRows()).toEqual(before);
});

test('an applied migration edited afterwards is refused, and nothing else runs', async () => {
  await migrate(databaseUrl, migrationsCopy);
  const before = await appliedRows();
  const edited = projectMigrations[0] as string;
  fs.appendFileSync(path.join(migrationsCopy, edited, 'migration.sql'), '\n-- edited after it was applied\n');
  addMigration('99990101000000_later', 'CREATE TABLE "later" ("id" TEXT PRIMARY KEY);');

  const attempt = migrate(databaseUrl, migrationsCopy);
  await expect(attempt).rejects.toThrow(MigrationError);
  await expect(attempt).rejects.toThrow(new RegExp(`${edited}.*checksum`));

  expect(await appliedRows()).toEqual(before);
  expect(await tableExists('later')).toBe(false);
});

test('an applied migration missing from disk is refused', async () => {
  addMigration('99990101000000_gone', 'CREATE TABLE "gone" ("id" TEXT PRIMARY KEY);');
  await migrate(databaseUrl, migrationsCopy);
  fs.rmSync(path.join(migrationsCopy, '99990101000000_gone'), { recursive: true });

  const attempt = migrate(databaseUrl, migrationsCopy);
  await expect(attempt).rejects.toThrow(MigrationError);
  await expect(attempt).rejects.toThrow(/99990101000000_gone.*missing from disk/);
});

test('a failing migration is rolled back entirely and applies once fixed', async () => {
  await migrate(databaseUrl, migrationsCopy);
  // The first statement succeeds, the second fails: neither may remain.
  addMigration('99990101000000_broken', 'CREATE TABLE "half_done" ("id" TEXT PRIMARY KEY);\nSELECT * FROM "no_such_table";\n');

  const attempt = migrate(databaseUrl, migrationsCopy);
  await expect(attempt).rejects.toThrow(MigrationError);
  await expect(attempt).rejects.toThrow(/99990101000000_broken.*no_such_table/);

  const rows = await appliedRows();
  expect(rows.map((row) => row.migration_name)).toEqual(projectMigrations);
  expect(rows.every((row) => row.finished_at !== null)).toBe(true);
  expect(await tableExists('half_done')).toBe(false);
  expect(await tableExists('tasks')).toBe(true);

  fs.writeFileSync(path.join(migrationsCopy, '99990101000000_broken', 'migration.sql'), 'CREATE TABLE "half_done" ("id" TEXT PRIMARY KEY);\n');
  expect(await migrate(databaseUrl, migrationsCopy)).toEqual(['99990101000000_broken']);
  expect(await tableExists('half_done')).toBe(true);
});

test('concurrent runs apply each migration exactly once', async () => {
  addMigration('99990101000000_second', 'CREATE TABLE "second" ("id" TEXT PRIMARY KEY);');
  addMigration('99990102000000_third', 'CREATE TABLE "third" ("id" TEXT PRIMARY KEY);');
  const expected = [...projectMigrations, '99990101000000_second', '99990102000000_third'];

  const results = await Promise.all([migrate(databaseUrl, migrationsCopy), migrate(databaseUrl, migrationsCopy)]);

  // Whichever run took the lock first applied everything; the other found nothing left to do.
  expect(results.flat().sort()).toEqual(expected);
  expect((await appliedRows()).map((row) => row.migration_name)).toEqual(expected);
});
