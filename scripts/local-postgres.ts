// Makes a local PostgreSQL available for tests and CI: TEST_DATABASE_ADMIN_URL when given,
// otherwise the machine's cluster, started (idempotently) with a known password.
// `node dist/scripts/local-postgres.js` prints the admin URL.
import { execFileSync } from 'node:child_process';
import { Client } from 'pg';

const LOCAL_ADMIN_URL = 'postgresql://postgres:postgres@127.0.0.1:5432/postgres';

/**
 * A URL with the right to create databases. TEST_DATABASE_ADMIN_URL wins; otherwise the local
 * PostgreSQL cluster is started (idempotently) and the `postgres` role given a known password.
 */
export async function ensurePostgres(): Promise<string> {
  const given = process.env.TEST_DATABASE_ADMIN_URL;
  if (given) return given;
  if (await canConnect(LOCAL_ADMIN_URL)) return LOCAL_ADMIN_URL;
  startLocalCluster();
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await canConnect(LOCAL_ADMIN_URL)) return LOCAL_ADMIN_URL;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`PostgreSQL did not come up at ${LOCAL_ADMIN_URL}; set TEST_DATABASE_ADMIN_URL to a server that can create databases.`);
}

function startLocalCluster(): void {
  const clusters = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' }).trim().split('\n');
  const first = clusters[0]?.trim().split(/\s+/);
  if (!first || first.length < 4) throw new Error('No PostgreSQL cluster found (pg_lsclusters); set TEST_DATABASE_ADMIN_URL.');
  const [version, name, , status] = first as [string, string, string, string];
  if (status !== 'online') {
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, name, 'start'], { stdio: 'inherit' });
  }
  execFileSync('su', ['postgres', '-c', `psql -q -c "ALTER USER postgres PASSWORD 'postgres'"`], { stdio: 'inherit' });
}

export async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates an empty database and returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

async function withAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A database name unique to this run, e.g. `tw_test_1732350000000_a1b2`. */
export function uniqueDatabaseName(label: string): string {
  return `tw_${label}_${Date.now()}_${Math.random().toString(36).slice(2, 6)}`;
}

if (require.main === module) {
  ensurePostgres().then(
    (url) => process.stdout.write(`PostgreSQL: ${url.replace(/:[^:@/]+@/, ':***@')}\n`),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
