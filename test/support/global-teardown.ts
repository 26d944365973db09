import fs from 'node:fs';
import { dropDatabase } from './postgres';
import type { TestGlobals } from './globals';

export default async function globalTeardown(): Promise<void> {
  const globals = (globalThis as { taskwrightTest?: TestGlobals }).taskwrightTest;
  if (!globals) return;
  await globals.temporal.teardown();
  await dropDatabase(globals.adminUrl, globals.databaseName);
  fs.rmSync(globals.bundleDir, { recursive: true, force: true });
}
