import path from 'node:path';
import type { DevServer } from '../../lib/temporal/dev-server';

export const WORKFLOWS_PATH = path.join(__dirname, '..', '..', 'workflows', 'index.ts');

export interface TestGlobals {
  adminUrl: string;
  databaseName: string;
  temporal: DevServer;
  bundleDir: string;
}

/** What global-setup published, for test files (they run in worker processes). */
export function testEnvironment() {
  const read = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: run the tests through jest (npm test).`);
    return value;
  };
  return {
    adminUrl: read('TEST_DATABASE_ADMIN_URL'),
    databaseUrl: read('TEST_DATABASE_URL'),
    temporalAddress: read('TEST_TEMPORAL_ADDRESS'),
    workflowBundle: read('TEST_WORKFLOW_BUNDLE'),
    /** The time-skipping test server global-setup provisioned; unset: the SDK downloads its own. */
    temporalTestServer: process.env.TEST_TEMPORAL_TEST_SERVER || undefined,
  };
}
