import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventually } from '../support/eventually';
import { type TestStack, type TestTenant, startStack } from '../support/stack';

interface ChatRequest {
  authorization: string | undefined;
  body: { model: string; messages: { role: string; content: string | null; tool_call_id?: string }[]; tools?: { function: { name: string } }[] };
}

const USAGE = { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 };

/**
 * A loopback OpenAI-compatible chat completions endpoint, scripted by how far the conversation
 * got: with no tool result yet it calls `word_count`, after one it calls `uppercase`, after two it
 * answers. `holdSecondCall` leaves the next call that has one tool result unanswered.
 */
class ScriptedModel {
  readonly requests: ChatRequest[] = [];
  holdSecondCall = false;
  held: ServerResponse | undefined;
  private readonly server = http.createServer((req, res) => void this.answer(req, res));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async answer(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString()) as ChatRequest['body'];
    this.requests.push({ authorization: req.headers.authorization, body });
    const toolResults = body.messages.filter((message) => message.role === 'tool').length;
    if (toolResults === 1 && this.holdSecondCall) {
      this.holdSecondCall = false;
      this.held = res;
      return;
    }
    const message =
      toolResults === 0
        ? { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'word_count', arguments: '{"text":"the quick brown fox"}' } }] }
        : toolResults === 1
          ? { role: 'assistant', content: null, tool_calls: [{ id: 'call_2', type: 'function', function: { name: 'uppercase', arguments: '{"text":"four words"}' } }] }
          : { role: 'assistant', content: `Done: ${body.messages.filter((entry) => entry.role === 'tool').map((entry) => entry.content).join(' ')}` };
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: `chatcmpl-${this.requests.length}`,
        object: 'chat.completion',
        created: 1_764_000_000,
        model: body.model,
        choices: [{ index: 0, message, finish_reason: 'tool_calls' in message ? 'tool_calls' : 'stop' }],
        usage: USAGE,
      }),
    );
  }
}

let stack: TestStack;
let tenant: TestTenant;
const model = new ScriptedModel();

beforeAll(async () => {
  const baseUrl = await model.start();
  stack = await startStack({ env: { LLM_BASE_URL: baseUrl, LLM_API_KEY: 'sk-test-key', LLM_MODEL: 'scripted-model', OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true' } });
  tenant = await stack.newTenant();
});

afterAll(async () => {
  await stack.stop();
  await model.stop();
});

const request = (route: string, init: Parameters<TestStack['request']>[1] = {}) => stack.request(route, { apiKey: tenant.apiKey, ...init });

async function readTask(taskId: string) {
  return (await (await request(`/v1/tasks/${taskId}`)).json()) as { status: string; output: Record<string, unknown>; executions: { status: string; usage?: unknown }[] };
}

const settled = (taskId: string, status: string) =>
  eventually(async () => {
    const task = await readTask(taskId);
    return task.status === status ? task : undefined;
  }, `task ${taskId} ${status}`);

async function toolCalls(taskId: string): Promise<string[]> {
  const { events } = (await (await request(`/v1/events?task_id=${taskId}&type=tool_call.executed`)).json()) as { events: { data: { tool: string } }[] };
  return events.map((event) => event.data.tool);
}

const callsOf = (prompt: string) => model.requests.filter((entry) => entry.body.messages.some((message) => message.content === prompt));

describe('the llm agent', () => {
  it('completes through two tool calls, and a stop between model calls does not repeat the first one', async () => {
    model.holdSecondCall = true;
    const prompt = 'How many words, shouted?';
    const created = await request('/v1/tasks', { method: 'POST', json: { agent: 'llm', input: { prompt, system: 'Use the tools.' } } });
    expect(created.status).toBe(202);
    const { task_id: taskId } = (await created.json()) as { task_id: string };

    // The second model call is in flight: stop the task there.
    await eventually(() => model.held, 'the second model call');
    const stopped = await request(`/v1/tasks/${taskId}/stop`, { method: 'POST' });
    expect(stopped.status).toBe(200);
    expect(((await stopped.json()) as { status: string }).status).toBe('on_hold');
    model.held!.destroy();
    const processed = await request(`/v1/tasks/${taskId}/process`, { method: 'POST', json: { message: 'carry on' } });
    expect(processed.status).toBe(200);

    const task = await settled(taskId, 'complete');
    expect(task.output).toEqual({ answer: 'Done: {"words":4} {"text":"FOUR WORDS"}', model: 'scripted-model', steps: 3, usage: { prompt_tokens: 33, completion_tokens: 21, total_tokens: 54 } });
    const calls = callsOf(prompt);
    // The first model call once; the second twice (the stop cut its first try off); the last once.
    expect(calls.map((entry) => entry.body.messages.filter((message) => message.role === 'tool').length)).toEqual([0, 1, 1, 2]);
    expect(calls.every((entry) => entry.authorization === 'Bearer sk-test-key' && entry.body.model === 'scripted-model')).toBe(true);
    expect(calls[0]!.body.messages.slice(0, 2)).toEqual([{ role: 'system', content: 'Use the tools.' }, { role: 'user', content: prompt }]);
    // The resumed run also hears what `process` said.
    expect(calls[2]!.body.messages).toContainEqual({ role: 'user', content: 'carry on' });
    expect(await toolCalls(taskId)).toEqual(['word_count', 'uppercase']);

    expect(task.executions.map((execution) => execution.status)).toEqual(['stopped', 'complete']);
    expect(task.executions[1]!.usage).toEqual({ prompt_tokens: 33, completion_tokens: 21, total_tokens: 54 });
    const { artifacts } = (await (await request(`/v1/tasks/${taskId}/artifacts`)).json()) as { artifacts: { type: string; data: { messages: { role: string }[] } }[] };
    expect(artifacts.map((artifact) => artifact.type)).toEqual(['llm.transcript']);
    expect(artifacts[0]!.data.messages.map((message) => message.role)).toEqual(['system', 'user', 'user', 'assistant', 'tool', 'assistant', 'tool', 'assistant']);
  });

  it('offers the model only the task\'s skills and refuses it the others', async () => {
    const prompt = 'Only shout.';
    const created = await request('/v1/tasks', { method: 'POST', json: { agent: 'llm', input: { prompt }, skills: ['uppercase'] } });
    const { task_id: taskId } = (await created.json()) as { task_id: string };
    const task = await settled(taskId, 'complete');
    expect(callsOf(prompt)[0]!.body.tools!.map((tool) => tool.function.name)).toEqual(['uppercase']);
    expect(task.output.answer).toBe('Done: {"error":"The tool word_count is not available to this task"} {"text":"FOUR WORDS"}');
    expect(await toolCalls(taskId)).toEqual(['uppercase']);
  });

  it('publishes llm.chat in its manifest with the tools as skills', async () => {
    const manifest = (await (await request('/v1/agents/llm')).json()) as { task_types: { name: string; input_schema: { required: string[] } }[]; skills: { name: string }[] };
    expect(manifest.task_types.map((taskType) => taskType.name)).toEqual(['llm.chat']);
    expect(manifest.task_types[0]!.input_schema.required).toEqual(['prompt']);
    expect(manifest.skills.map((skill) => skill.name).sort()).toEqual(['uppercase', 'word_count']);
  });
});
