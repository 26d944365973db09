import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../lib/paths';
import { openApiDocument } from '../route-table/openapi';
import { routeTable } from '../route-table/table';

/** The server's OpenAPI document: its whole route table, at the package's version. */
export function taskwrightOpenApiDocument() {
  const { version } = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  return openApiDocument(routeTable, { version });
}
