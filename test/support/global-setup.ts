import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { migrate } from '../../lib/db/migrate';
import { startTemporalDevServer } from '../../lib/temporal/dev-server';
import { resolveTemporalTestServer } from '../../lib/temporal/test-server';
import { createDatabase, ensurePostgres, uniqueDatabaseName } from './postgres';
import { type TestGlobals, WORKFLOWS_PATH } from './globals';

// One PostgreSQL database (fresh for this run, with every migration applied), one Temporal dev
// server and one workflow bundle serve all test files; their locations reach the test workers
// through the environment, with the time-skipping test server's executable (test files that skip
// time start one each: time is global to a server).
export default async function globalSetup(): Promise<void> {
  const adminUrl = await ensurePostgres();
  const databaseName = uniqueDatabaseName('test');
  const databaseUrl = await createDatabase(adminUrl, databaseName);
  await migrate(databaseUrl);

  const log = (message: string) => process.stderr.write(`${message}\n`);
  const temporal = await startTemporalDevServer({ log });
  const temporalTestServer = resolveTemporalTestServer(log);

  const bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taskwright-bundle-'));
  const bundlePath = path.join(bundleDir, 'workflows.js');
  const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietBundlerLogger });
  fs.writeFileSync(bundlePath, code);

  process.env.TEST_DATABASE_ADMIN_URL = adminUrl;
  process.env.TEST_DATABASE_URL = databaseUrl;
  process.env.TEST_TEMPORAL_ADDRESS = temporal.address;
  process.env.TEST_WORKFLOW_BUNDLE = bundlePath;
  process.env.TEST_TEMPORAL_TEST_SERVER = temporalTestServer ?? '';

  const globals: TestGlobals = { adminUrl, databaseName, temporal, bundleDir };
  (globalThis as { taskwrightTest?: TestGlobals }).taskwrightTest = globals;
}

const quietBundlerLogger = {
  log: () => {},
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: (message: string) => process.stderr.write(`[bundler] ${message}\n`),
  error: (message: string) => process.stderr.write(`[bundler] ${message}\n`),
};
