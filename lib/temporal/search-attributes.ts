import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { TASK_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';

/**
 * Registers Taskwright's search attributes on a Temporal cluster that lacks them (the dev server
 * gets them at start-up). Adds only the missing ones: adding an existing one is an error.
 */
export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
  const missing = TASK_SEARCH_ATTRIBUTES.filter((key) => !(key.name in customAttributes));
  if (missing.length === 0) return [];
  const keyword = temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(missing.map((key) => [key.name, keyword])),
  });
  return missing.map((key) => key.name);
}
