import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { announceEventCommits } from './event-commits';

export type Database = PrismaClient;
export { Prisma } from '../generated/prisma/client';

/**
 * A Prisma client on a pg pool (Prisma 7 runs queries through the driver adapter), whose
 * transactions announce appended events once committed (see event-commits.ts).
 * `transactionMaxWaitMs`: how long a transaction may wait for a pooled connection.
 */
export function createDatabase(url: string, poolSize = 10, options: { transactionMaxWaitMs?: number } = {}): Database {
  return announceEventCommits(
    new PrismaClient({
      adapter: new PrismaPg({ connectionString: url, max: poolSize }),
      ...(options.transactionMaxWaitMs && { transactionOptions: { maxWait: options.transactionMaxWaitMs } }),
    }),
  );
}
