// Finds or builds the Temporal CLI once per machine (CI runs this before the tests).
import { NO_TEMPORAL_CLI, resolveTemporalCli } from '../lib/temporal/cli';

try {
  const cli = resolveTemporalCli((message) => process.stdout.write(`${message}\n`));
  process.stdout.write(cli ? `Temporal CLI: ${cli}\n` : `${NO_TEMPORAL_CLI} The tests will try the SDK's own download.\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
