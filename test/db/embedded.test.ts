import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '../../lib/db/client';
import { startEmbeddedPostgres } from '../../lib/db/embedded';
import { migrate } from '../../lib/db/migrate';
import { newId } from '../../lib/ids';

describe('the embedded database (PGlite)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taskwright-pglite-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('takes the migrations, serves Prisma transactions over its socket, and refuses a second owner', async () => {
    const embedded = await startEmbeddedPostgres(dataDir);
    try {
      expect(await migrate(embedded.url)).toContain('20261123000000_init');
      expect(await migrate(embedded.url)).toEqual([]);
      const db = createDatabase(embedded.url, 4);
      const tenantId = newId('ten');
      await db.$transaction([db.tenant.create({ data: { id: tenantId, name: 'embedded' } })]);
      await expect(db.$transaction(async (tx) => {
        await tx.tenant.create({ data: { id: newId('ten'), name: 'rolled back' } });
        throw new Error('abort');
      })).rejects.toThrow('abort');
      expect(await db.tenant.findMany({ select: { id: true } })).toEqual([{ id: tenantId }]);
      await db.$disconnect();

      await expect(startEmbeddedPostgres(dataDir)).rejects.toThrow(/in use by process/);
    } finally {
      await embedded.stop();
    }
  });
});
