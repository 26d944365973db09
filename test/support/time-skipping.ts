import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { NO_TEMPORAL_TEST_SERVER } from '../../lib/temporal/test-server';
import { TASK_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { testEnvironment } from './globals';
import { installQuietRuntime } from './runtime';

/**
 * A Temporal test server of this file's own whose clock jumps ahead whenever every workflow waits
 * (days in milliseconds), with the task workflows' search attributes registered.
 */
export async function startTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  installQuietRuntime();
  const server = testEnvironment().temporalTestServer;
  let env: TestWorkflowEnvironment;
  try {
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: server ? { type: 'existing-path', path: server } : { type: 'cached-download' } },
    });
  } catch (error) {
    if (!server) throw new Error(`${NO_TEMPORAL_TEST_SERVER} (The SDK's own download failed: ${(error as Error).message})`);
    throw error;
  }
  const keyword = temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
  // The test server cannot list search attributes (registerSearchAttributes needs that): add all.
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(TASK_SEARCH_ATTRIBUTES.map((key) => [key.name, keyword])),
  });
  return env;
}
