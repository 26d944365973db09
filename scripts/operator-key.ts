// `npm run operator-key [name]`: issues an admin key of the operator tenant and prints it, once, to
// stdout (never to a log). A production install gets its first key this way.
import { issueOperatorKey } from '../lib/auth/bootstrap';
import { loadConfigOrExit } from '../lib/config';
import { openDatabase } from '../lib/db/open';
import { createLogger } from '../lib/logger';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const database = await openDatabase(config, createLogger(config, 'operator-key'));
  try {
    const name = process.argv[2] ?? `operator admin key ${new Date().toISOString()}`;
    const { tenantId, key } = await issueOperatorKey(database.db, name);
    process.stderr.write(`Issued "${name}", an admin key of the operator tenant ${tenantId}. It is shown once:\n`);
    process.stdout.write(`${key}\n`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
