import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

export type Database = PrismaClient;
export { Prisma } from '../generated/prisma/client';

/** A Prisma client on a pg pool (Prisma 7 runs queries through the driver adapter). */
export function createDatabase(url: string, poolSize = 10): Database {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize }) });
}
