import { Client } from 'pg';

export { ensurePostgres } from '../../scripts/local-postgres';

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
