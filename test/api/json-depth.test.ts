import { MAX_JSON_DEPTH, exceedsJsonDepth, jsonTextDepth } from '../../api/json-depth';
import { expectProblem } from '../support/problem';
import { type TestStack, startStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ worker: false });
});
afterAll(async () => {
  await stack?.stop();
});

/** `{"a":{"a":…{}}}`, this many objects deep, as text (JSON.stringify would recurse). */
const nestedObjects = (depth: number) => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);
const nestedArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const postRaw = (path: string, body: string, method = 'POST') => stack.request(path, { method, body, headers: { 'content-type': 'application/json' } });

describe('deeply nested JSON bodies', () => {
  it('are a 400 naming the limit, not a 500, on every JSON route: task input 5,000 levels deep', async () => {
    const problem = await expectProblem(await postRaw('/v1/tasks', `{"agent":"echo","input":${nestedObjects(5_000)}}`), 400, 'json_too_deep', {
      max_depth: MAX_JSON_DEPTH,
    });
    expect(problem.detail).toContain(`${MAX_JSON_DEPTH} levels`);
    await expectProblem(await postRaw('/v1/tasks', nestedArrays(5_000)), 400, 'json_too_deep');
    await expectProblem(await postRaw('/v1/approvals/apr_x/approve', `{"comment":${nestedArrays(5_000)}}`), 400, 'json_too_deep');
    // The event stream parses its own (form or JSON) body.
    await expectProblem(await postRaw('/v1/events/stream', `{"task_id":${nestedArrays(5_000)}}`), 400, 'json_too_deep');
  });

  it('up to the limit the body is parsed and validated as usual', async () => {
    // One level over: refused for its depth; at the limit: on to validation, which names the field.
    await expectProblem(await postRaw('/v1/retention', `{"draft_expiry_days":${nestedObjects(MAX_JSON_DEPTH)}}`, 'PUT'), 400, 'json_too_deep');
    const validated = await expectProblem(await postRaw('/v1/retention', `{"draft_expiry_days":${nestedObjects(MAX_JSON_DEPTH - 1)}}`, 'PUT'), 400, 'validation_failed');
    expect(validated.errors).toEqual([expect.objectContaining({ field: 'draft_expiry_days' })]);
    // Brackets inside strings are text, not nesting.
    const title = '[{'.repeat(200);
    const created = await postRaw('/v1/tasks', JSON.stringify({ agent: 'echo', title, defer: true }));
    expect(created.status).toBe(202);
    expect(await created.json()).toMatchObject({ title });
  });

  it('the depth of text and of parsed values is measured without recursion', () => {
    expect(jsonTextDepth(nestedObjects(100_000))).toBe(100_000);
    expect(jsonTextDepth('{"a":"\\"{[","b":[1,[2]]}')).toBe(3);
    let deep: unknown = {};
    for (let level = 1; level < 100_000; level++) deep = { a: deep };
    expect(exceedsJsonDepth(deep)).toBe(true);
    expect(exceedsJsonDepth(JSON.parse(nestedObjects(MAX_JSON_DEPTH)))).toBe(false);
    expect(exceedsJsonDepth(JSON.parse(nestedObjects(MAX_JSON_DEPTH + 1)))).toBe(true);
  });
});
