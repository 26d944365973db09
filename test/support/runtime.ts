import { DefaultLogger, Runtime } from '@temporalio/worker';

let installed = false;

/** The SDK's runtime for this test file, logging warnings and errors only. */
export function installQuietRuntime(): void {
  if (installed) return;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  installed = true;
}
