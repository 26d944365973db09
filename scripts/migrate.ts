// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
import { loadConfigOrExit } from '../lib/config';
import { openDatabase } from '../lib/db/open';
import { createLogger } from '../lib/logger';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const database = await openDatabase(config, createLogger(config, 'migrate'));
  await database.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
