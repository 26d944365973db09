import { Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { resolveTemporalCli } from '../../lib/temporal/cli';
import { registerSearchAttributes } from '../../lib/temporal/search-attributes';

describe('registerSearchAttributes', () => {
  it('adds the missing task search attributes to a bare cluster, once', async () => {
    const cli = resolveTemporalCli();
    // A dev server of its own, started without any custom search attributes.
    const env = await TestWorkflowEnvironment.createLocal({
      server: { executable: cli ? { type: 'existing-path', path: cli } : { type: 'cached-download' } },
    });
    const connection = await Connection.connect({ address: env.address });
    try {
      expect((await registerSearchAttributes(connection, 'default')).sort()).toEqual([
        'TaskwrightAgent',
        'TaskwrightStatus',
        'TaskwrightTaskType',
        'TaskwrightTenant',
      ]);
      const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: 'default' });
      expect(Object.keys(customAttributes)).toEqual(expect.arrayContaining(['TaskwrightTenant', 'TaskwrightStatus']));
      expect(await registerSearchAttributes(connection, 'default')).toEqual([]);
    } finally {
      await connection.close();
      await env.teardown();
    }
  });
});
