import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { migrate } from '../../lib/db/migrate';
import { schemaDiffSql } from '../../lib/db/schema-diff';
import { MIGRATION_ONLY_INDEXES } from '../../lib/db/task-search';
import { projectRoot } from '../../lib/paths';
import { createDatabase, dropDatabase, uniqueDatabaseName } from '../support/postgres';
import { testEnvironment } from '../support/globals';

// The migrations are the only thing that reaches real databases, while the Prisma client is
// generated from schema.prisma; this proves the two describe the same database. Database A is
// built by the migrations, database B straight from schema.prisma (Prisma's own SQL for it), and
// their catalogs must match. A schema change without a migration, or a hand-edited migration
// that drifts from the schema, fails here with a readable diff.

const { adminUrl } = testEnvironment();
const databases: string[] = [];

afterAll(async () => {
  await Promise.all(databases.map((name) => dropDatabase(adminUrl, name)));
});

async function freshDatabase(label: string): Promise<string> {
  const name = uniqueDatabaseName(label);
  databases.push(name);
  return createDatabase(adminUrl, name);
}

// Installing Prisma 6 into the per-machine cache on first use can take a minute or two.
test('the migrations build exactly the schema in schema.prisma', async () => {
  const fromMigrations = await freshDatabase('migrations');
  await migrate(fromMigrations);

  const fromSchema = await freshDatabase('schema');
  const schema = fs.readFileSync(path.join(projectRoot, 'prisma', 'schema.prisma'), 'utf8');
  await execute(fromSchema, await schemaDiffSql({ from: null, to: schema, databaseUrl: fromSchema }));

  const snapshotA = await catalogSnapshot(fromMigrations);
  const snapshotB = await catalogSnapshot(fromSchema);
  expect(snapshotB.tables.length).toBeGreaterThan(0);
  // Indexes schema.prisma cannot express exist in the migrations only; everything else must match.
  const migrationOnly = snapshotA.indexes.filter((index) => MIGRATION_ONLY_INDEXES.includes(index.name as string));
  expect(migrationOnly.map((index) => index.name).sort()).toEqual([...MIGRATION_ONLY_INDEXES].sort());
  snapshotA.indexes = snapshotA.indexes.filter((index) => !migrationOnly.includes(index));
  // In a failure, "- Expected" lines are what schema.prisma describes, "+ Received" what the
  // migrations built; `npm run db:new-migration -- <name>` writes the missing migration.
  expect(snapshotA).toEqual(snapshotB);
}, 300_000);

async function execute(databaseUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// Migrate's bookkeeping table exists only in database A.
const IGNORED_TABLE = '_prisma_migrations';

/**
 * Everything in the `public` schema that Prisma models, as sorted plain rows, so that toEqual
 * prints a precise diff. Column order is left out: a column added by a later migration goes to
 * the end of its table, which Prisma (and every query) ignores.
 */
async function catalogSnapshot(databaseUrl: string) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = async (sql: string, params: string[] = [IGNORED_TABLE]) =>
      (await client.query<Record<string, string | boolean | null>>(sql, params)).rows;
    return {
      tables: await rows(`
        SELECT c.relname AS table
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> $1
         ORDER BY 1`),
      columns: await rows(`
        SELECT c.relname AS table, a.attname AS column,
               format_type(a.atttypid, a.atttypmod) AS type,
               a.attnotnull AS not_null,
               -- A serial's sequence is named after the table it was created with, so keep
               -- only the fact that the default draws from a sequence (Prisma's autoincrement()).
               regexp_replace(pg_get_expr(d.adbin, d.adrelid), '^nextval\\(.*\\)$', 'nextval(<sequence>)') AS default,
               a.attidentity AS identity, a.attgenerated AS generated
          FROM pg_attribute a
          JOIN pg_class c ON c.oid = a.attrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
          LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> $1
           AND a.attnum > 0 AND NOT a.attisdropped
         ORDER BY 1, 2`),
      // Primary, unique, foreign-key (with ON DELETE/UPDATE actions) and check constraints.
      constraints: await rows(`
        SELECT c.relname AS table, k.conname AS name, k.contype AS kind, pg_get_constraintdef(k.oid) AS definition
          FROM pg_constraint k
          JOIN pg_class c ON c.oid = k.conrelid
          JOIN pg_namespace n ON n.oid = k.connamespace
         WHERE n.nspname = 'public' AND c.relname <> $1
         ORDER BY 1, 2`),
      indexes: await rows(`
        SELECT tablename AS table, indexname AS name, indexdef AS definition
          FROM pg_indexes
         WHERE schemaname = 'public' AND tablename <> $1
         ORDER BY 1, 2`),
      // Labels sorted: ALTER TYPE ... ADD VALUE appends, and Prisma treats enum values as a set.
      enums: await rows(`
        SELECT t.typname AS name, string_agg(e.enumlabel, ',' ORDER BY e.enumlabel) AS labels
          FROM pg_type t
          JOIN pg_enum e ON e.enumtypid = t.oid
          JOIN pg_namespace n ON n.oid = t.typnamespace
         WHERE n.nspname = 'public'
         GROUP BY 1
         ORDER BY 1`, []),
    };
  } finally {
    await client.end();
  }
}
