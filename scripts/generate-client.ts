/**
 * Writes the typed client's types, client/schema.ts, from the OpenAPI document of the route table:
 *
 *   npm run client:generate
 *
 * With `--stdout` it prints them instead: test/contract/client.test.ts fails while the committed
 * file differs from that.
 */
import fs from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { taskwrightOpenApiDocument } from '../api/openapi/document';
import { projectRoot } from '../lib/paths';

const CLIENT_TYPES_PATH = path.join(projectRoot, 'client', 'schema.ts');

const HEADER = '// Generated from the route table by `npm run client:generate` (openapi-typescript). Do not edit.\n\n';

/** The text client/schema.ts should have. */
async function clientTypes(): Promise<string> {
  // openapi-typescript takes the document as JSON; a round trip drops what JSON does not keep.
  const document = JSON.parse(JSON.stringify(taskwrightOpenApiDocument())) as Parameters<typeof openapiTS>[0];
  return HEADER + astToString(await openapiTS(document, { alphabetize: true }));
}

if (require.main === module) {
  clientTypes()
    .then((types) => {
      if (process.argv.includes('--stdout')) return void process.stdout.write(types);
      fs.writeFileSync(CLIENT_TYPES_PATH, types);
      console.log(`Wrote ${path.relative(process.cwd(), CLIENT_TYPES_PATH)}`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
