import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../../lib/config';
import { migrate } from '../../lib/db/migrate';
import { testEnvironment } from '../support/globals';
import { createDatabase as createEmptyDatabase, dropDatabase, uniqueDatabaseName } from '../support/postgres';
import { freePort } from '../support/free-port';

const DIST = path.resolve(__dirname, '../../dist');
const secure = { NODE_ENV: 'production', DATABASE_URL: 'postgres://taskwright@db.internal:5432/taskwright', PUBLIC_BASE_URL: 'https://tasks.example.com' };

describe('production mode (NODE_ENV=production)', () => {
  it('refuses the dev key and other insecure settings at start-up, naming each', () => {
    expect(() => loadConfig(secure)).not.toThrow();
    const attempt = (env: Record<string, string>) => () => loadConfig({ ...secure, ...env });
    expect(attempt({ TASKWRIGHT_DEV_API_KEY: 'tw_abcdefghijklmnopqrstuvwxyz' })).toThrow(/TASKWRIGHT_DEV_API_KEY: the dev key is refused in production/);
    expect(attempt({ OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true' })).toThrow(/OUTBOUND_ALLOW_PRIVATE_NETWORKS/);
    expect(attempt({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' })).toThrow(/OUTBOUND_ALLOW_PRIVATE_NETWORKS/);
    expect(attempt({ DATABASE_URL: '' })).toThrow(/DATABASE_URL: required: the embedded database is for development/);
    expect(attempt({ PUBLIC_BASE_URL: 'http://tasks.example.com' })).toThrow(/PUBLIC_BASE_URL: required, as an https URL/);
    // Outside production the same settings are a developer's everyday ones.
    expect(() => loadConfig({ TASKWRIGHT_DEV_API_KEY: 'tw_abcdefghijklmnopqrstuvwxyz', OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true' })).not.toThrow();
  });

  it('creates and logs no key by itself; `npm run operator-key` prints one to stdout, once, that the API accepts', async () => {
    const { adminUrl, temporalAddress } = testEnvironment();
    const databaseName = uniqueDatabaseName('production');
    const databaseUrl = await createEmptyDatabase(adminUrl, databaseName);
    await migrate(databaseUrl);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, ...secure, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'debug' };
    delete env.TASKWRIGHT_DEV_API_KEY;

    const server = spawn(process.execPath, [path.join(DIST, 'server.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await waitFor(() => output.includes('API listening'), () => output);
      expect(output).toContain('npm run operator-key');

      const issued = await promisify(execFile)(process.execPath, [path.join(DIST, 'scripts/operator-key.js'), 'first operator key'], { env });
      const key = issued.stdout.trim();
      expect(key).toMatch(/^tw_[\w-]{32}$/);
      expect(issued.stderr).toContain('first operator key');
      expect(issued.stderr).not.toContain(key);

      const response = await fetch(`http://127.0.0.1:${port}/v1/api-keys`, { headers: { authorization: `Bearer ${key}` } });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ api_keys: [expect.objectContaining({ name: 'first operator key', role: 'admin' })] });
      expect(output).not.toMatch(/tw_[\w-]{20,}/);
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
      await dropDatabase(adminUrl, databaseName);
    }
  });
});

async function waitFor(done: () => boolean, describe: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`Timed out; output so far:\n${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

