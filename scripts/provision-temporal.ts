// Finds or builds the Temporal CLI and the time-skipping test server once per machine (CI runs
// this before the tests; the tests' global setup does the same on a machine where it never ran).
import { NO_TEMPORAL_CLI, resolveTemporalCli } from '../lib/temporal/cli';
import { NO_TEMPORAL_TEST_SERVER, resolveTemporalTestServer } from '../lib/temporal/test-server';

const log = (message: string) => process.stdout.write(`${message}\n`);
try {
  const cli = resolveTemporalCli(log);
  log(cli ? `Temporal CLI: ${cli}` : `${NO_TEMPORAL_CLI} The tests will try the SDK's own download.`);
  const testServer = resolveTemporalTestServer(log);
  log(testServer ? `Temporal test server: ${testServer}` : `${NO_TEMPORAL_TEST_SERVER} The tests will try the SDK's own download.`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
