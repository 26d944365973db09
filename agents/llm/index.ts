import OpenAI from 'openai';
import type { ChatCompletionMessageParam, ChatCompletionMessageToolCall, ChatCompletionTool } from 'openai/resources/chat/completions';
import { z } from 'zod';
import { type AgentContext, type AgentDefinition, AgentError, type JsonObject, type TokenUsage, defineTaskType } from '../sdk';
import { textTools } from '../text-tools';

export interface LlmAgentOptions {
  /** An OpenAI-compatible API, e.g. `https://api.openai.com/v1` or a local server's `/v1`. */
  baseUrl: string;
  apiKey: string;
  model: string;
  /** Every request goes through it (the outbound URL policy). */
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
}

const DEFAULT_MAX_STEPS = 8;
// The model call itself does not report in: heartbeats carry cancellation to it meanwhile.
const HEARTBEAT_INTERVAL_MS = 500;

const chatInput = z.strictObject({
  prompt: z.string().min(1).max(100_000).describe('What the model is asked.'),
  system: z.string().max(100_000).optional().describe('The system message.'),
  max_steps: z.int().min(1).max(32).default(DEFAULT_MAX_STEPS).describe('Model calls at most; the task fails with `max_steps_exceeded` beyond.'),
});

/** One model reply as the journal keeps it: what the conversation needs, and what it cost. */
interface ModelReply {
  content: string | null;
  toolCalls: { id: string; name: string; arguments: string }[];
  usage: TokenUsage;
}

type TranscriptEntry = { role: string; content: string | null; tool_calls?: { id: string; name: string; arguments: string }[]; tool_call_id?: string };

/**
 * An agent that runs a tool-calling loop against an OpenAI-compatible chat completions endpoint.
 * Each model call and each tool call is a checkpointed step: a stopped and resumed task replays
 * them from its journal instead of paying for them again.
 */
export function createLlmAgent(options: LlmAgentOptions): AgentDefinition {
  const client = new OpenAI({ baseURL: options.baseUrl, apiKey: options.apiKey, fetch: options.fetch, maxRetries: 2 });
  const tools = textTools;

  async function callModel(context: AgentContext, messages: ChatCompletionMessageParam[], offered: ChatCompletionTool[]): Promise<ModelReply> {
    const beat = setInterval(() => context.heartbeat(), HEARTBEAT_INTERVAL_MS);
    try {
      const completion = await client.chat.completions.create(
        { model: options.model, messages, ...(offered.length > 0 && { tools: offered }) },
        { signal: context.signal },
      );
      const message = completion.choices[0]?.message;
      if (!message) throw new AgentError('llm_error', 'The model answered without a message');
      return {
        content: message.content ?? null,
        toolCalls: (message.tool_calls ?? []).filter(isFunctionCall).map((call) => ({ id: call.id, name: call.function.name, arguments: call.function.arguments })),
        usage: {
          prompt_tokens: completion.usage?.prompt_tokens ?? 0,
          completion_tokens: completion.usage?.completion_tokens ?? 0,
          total_tokens: completion.usage?.total_tokens ?? 0,
        },
      };
    } catch (error) {
      // A cancelled or stopped task keeps its own reason.
      if (context.signal.aborted) throw context.signal.reason;
      if (error instanceof OpenAI.APIError && error.status !== undefined && error.status < 500 && error.status !== 429) {
        throw new AgentError('llm_error', `The model endpoint refused the request: ${error.message}`);
      }
      if (error instanceof AgentError) throw error;
      throw new AgentError('llm_unavailable', `The model endpoint failed: ${error instanceof Error ? error.message : String(error)}`, { retryable: true });
    } finally {
      clearInterval(beat);
    }
  }

  /** Runs one tool call of the model's; what goes wrong is the model's to read, not the task's end. */
  async function callTool(context: AgentContext, allowed: Set<string>, call: ModelReply['toolCalls'][number]): Promise<unknown> {
    if (!allowed.has(call.name)) return { error: `The tool ${call.name} is not available to this task` };
    let args: unknown;
    try {
      args = JSON.parse(call.arguments || '{}');
    } catch {
      return { error: 'The arguments were not valid JSON' };
    }
    if (args === null || typeof args !== 'object' || Array.isArray(args)) return { error: 'The arguments must be a JSON object' };
    try {
      return await context.tools.call(call.name, args as JsonObject);
    } catch (error) {
      if (error instanceof AgentError && error.code === 'invalid_tool_input') return { error: error.message };
      throw error;
    }
  }

  return {
    slug: 'llm',
    aliases: [],
    name: 'LLM',
    description: `Answers a prompt with ${options.model}, calling its tools (the task's skills) as the model asks.`,
    defaultTaskType: 'llm.chat',
    tools,
    taskTypes: {
      'llm.chat': defineTaskType({
        description: 'Runs the prompt through a tool-calling loop; emits the transcript and answers with the final message.',
        input: chatInput,
        emits: ['llm.transcript'],
        timeoutMs: 30 * 60 * 1000,
        maximumAttempts: 3,
        async run(context, input) {
          const skills = await context.skills();
          const allowed = new Set(Object.keys(tools).filter((name) => skills.length === 0 || skills.includes(name)));
          const offered: ChatCompletionTool[] = [...allowed].map((name) => ({
            type: 'function',
            function: { name, description: tools[name as keyof typeof tools].description, parameters: z.toJSONSchema(tools[name as keyof typeof tools].input) as JsonObject },
          }));
          const messages: ChatCompletionMessageParam[] = [
            ...(input.system ? [{ role: 'system' as const, content: input.system }] : []),
            { role: 'user', content: input.prompt },
            // What people added with `process`.
            ...context.messages.flatMap((message) => (message.text ? [{ role: 'user' as const, content: message.text }] : [])),
          ];
          const transcript: TranscriptEntry[] = messages.map((message) => ({ role: message.role, content: message.content as string }));
          const usage: TokenUsage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };

          for (let step = 1; step <= input.max_steps; step++) {
            const reply = await context.step(`model call ${step}`, () => callModel(context, messages, offered));
            usage.prompt_tokens += reply.usage.prompt_tokens;
            usage.completion_tokens += reply.usage.completion_tokens;
            usage.total_tokens += reply.usage.total_tokens;
            const toolCalls = reply.toolCalls.map((call) => ({ id: call.id, type: 'function' as const, function: { name: call.name, arguments: call.arguments } }));
            messages.push({ role: 'assistant', content: reply.content, ...(toolCalls.length > 0 && { tool_calls: toolCalls }) });
            transcript.push({ role: 'assistant', content: reply.content, ...(reply.toolCalls.length > 0 && { tool_calls: reply.toolCalls }) });
            if (reply.toolCalls.length === 0) {
              await context.emitArtifact({ type: 'llm.transcript', displayName: 'Transcript', mimeType: 'application/json', data: { model: options.model, messages: transcript, usage } });
              return { output: { answer: reply.content ?? '', model: options.model, steps: step, usage }, usage };
            }
            await context.progress(step / input.max_steps, `model call ${step}: ${reply.toolCalls.map((call) => call.name).join(', ')}`);
            for (const call of reply.toolCalls) {
              const content = JSON.stringify((await callTool(context, allowed, call)) ?? null);
              messages.push({ role: 'tool', tool_call_id: call.id, content });
              transcript.push({ role: 'tool', tool_call_id: call.id, content });
            }
          }
          throw new AgentError('max_steps_exceeded', `The model still called tools after ${input.max_steps} model calls`);
        },
      }),
    },
  };
}

function isFunctionCall(call: ChatCompletionMessageToolCall): call is Extract<ChatCompletionMessageToolCall, { type: 'function' }> {
  return call.type === 'function';
}
