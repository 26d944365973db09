import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../lib/paths';

// The generator as `npm run client:generate` runs it (built by pretest): openapi-typescript's
// dependencies are ES modules, which this CommonJS suite cannot load.
async function generatedTypes(): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(projectRoot, 'dist/scripts/generate-client.js'), '--stdout'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

describe('the typed client', () => {
  let generated: string;
  beforeAll(async () => {
    generated = await generatedTypes();
  });

  it('has types generated from the current route table (run `npm run client:generate` after changing a route)', () => {
    const committed = fs.readFileSync(path.join(projectRoot, 'client/schema.ts'), 'utf8');
    // Not toBe: a diff of thousands of lines would bury the line that says what to do.
    if (committed !== generated) throw new Error('client/schema.ts is stale: run `npm run client:generate` and commit it');
  });

  it('the generated types describe the routes, their bodies and their problems', () => {
    expect(generated).toContain('"/v1/tasks/{id}/process": {');
    expect(generated).toContain('createTask: {');
    expect(generated).toMatch(/Problem: \{[\s\S]*?request_id: string;/);
  });
});
