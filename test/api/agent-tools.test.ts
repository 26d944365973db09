import { type TestStack, startStack, waitForTask } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function runTask(input: Record<string, unknown>) {
  const created = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', input } });
  const { task_id } = (await created.json()) as { task_id: string };
  return waitForTask(stack, task_id, (task) => ['complete', 'failed'].includes(task.status));
}

describe('agent tools', () => {
  it('calls each tool once, records tool_call.executed with arguments and result, and hands the result back', async () => {
    const task = await runTask({
      call_tools: [
        { name: 'uppercase', args: { text: 'hi there' } },
        { name: 'word_count', args: { text: 'one two three' } },
      ],
    });
    expect(task).toMatchObject({ status: 'complete', output: { tool_results: [{ text: 'HI THERE' }, { words: 3 }] } });

    const listed = await stack.request(`/v1/events?task_id=${task.task_id as string}&type=tool_call.executed`);
    const { events } = (await listed.json()) as { events: { data: Record<string, unknown> }[] };
    expect(events.map((event) => event.data)).toEqual([
      expect.objectContaining({ tool: 'uppercase', args: { text: 'hi there' }, result: { text: 'HI THERE' }, duration_ms: expect.any(Number) }),
      expect.objectContaining({ tool: 'word_count', args: { text: 'one two three' }, result: { words: 3 } }),
    ]);
  });

  it('fails the task with unknown_tool or invalid_tool_input', async () => {
    expect(await runTask({ call_tools: [{ name: 'rm_rf', args: {} }] })).toMatchObject({ status: 'failed', error: { code: 'unknown_tool' } });
    expect(await runTask({ call_tools: [{ name: 'uppercase', args: { text: 42 } }] })).toMatchObject({
      status: 'failed',
      error: { code: 'invalid_tool_input' },
    });
  });

  it('publishes the tools as the agent\'s skills, with JSON Schema inputs', async () => {
    const echo = await (await stack.request('/v1/agents/echo')).json();
    expect(echo).toMatchObject({
      skills: [
        { name: 'uppercase', input_schema: { type: 'object', properties: { text: { type: 'string' } } } },
        { name: 'word_count', description: expect.any(String) },
      ],
    });
  });
});
