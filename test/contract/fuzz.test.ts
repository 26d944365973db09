import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { schemathesisCommand } from '../support/schemathesis';
import { type TestStack, startStack } from '../support/stack';

// schemathesis against the real stack (API, worker, Temporal, PostgreSQL), every operation of
// /v1/openapi.json, with a fixed seed and a bounded number of examples per operation.
const CHECKS = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_schema_conformance'];
const SEED = '20261126';
// About two minutes on two cores; FUZZ_MAX_EXAMPLES digs deeper by hand.
const MAX_EXAMPLES = process.env.FUZZ_MAX_EXAMPLES ?? '50';

let stack: TestStack;
let schemathesis: string;
beforeAll(async () => {
  schemathesis = schemathesisCommand();
  // Its own database: the fuzzer's webhooks must not meet other stacks' dispatchers. Streams end
  // after a second, so that a fuzzed stream request gets a whole answer.
  stack = await startStack({ ownDatabase: true, env: { SSE_MAX_STREAM_MS: '1000', SSE_KEEPALIVE_MS: '200' } });
}, 600_000);
afterAll(async () => {
  await stack?.stop();
});

/** Runs it in a scratch directory: schemathesis and Hypothesis leave folders of their own behind. */
function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'schemathesis-'));
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(command, args, { cwd: scratch, env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  }).finally(() => fs.rmSync(scratch, { recursive: true, force: true }));
}

describe('schemathesis', () => {
  it('finds nothing: no 500, and every status, content type and body as the document says', async () => {
    const { code, output } = await run(schemathesis, [
      'run',
      `${stack.baseUrl}/v1/openapi.json`,
      '--checks',
      CHECKS.join(','),
      '--seed',
      SEED,
      '--max-examples',
      MAX_EXAMPLES,
      // Examples live in this run only: a database would carry them into the next one.
      '--generation-database',
      'none',
      '--header',
      `Authorization: Bearer ${stack.admin.apiKey}`,
      '--request-timeout',
      '20',
      // Not the stateful phase: chaining responses into requests, it revokes its own API key
      // (GET /v1/api-keys lists it, DELETE /v1/api-keys/{id} takes it) and gets 401 from then on.
      // Not the coverage phase: in 4.32.5 on Python 3.11 it crashes inside Hypothesis (a
      // SystemError from ast.parse while describing a strategy) before sending a request.
      '--phases',
      'examples,fuzzing',
      '--workers',
      '1',
      '--no-color',
    ]);
    // The summary belongs in the CI log whatever the outcome.
    process.stdout.write(`\n${output}\n`);
    expect(code).toBe(0);
  }, 1_200_000);
});
