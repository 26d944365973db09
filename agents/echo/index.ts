import { z } from 'zod';
import { AgentError, type AgentDefinition, defineTaskType } from '../sdk';

const echoInput = z.strictObject({
  message: z.string().max(10_000).optional().describe('Text to echo back.'),
  sleep_ms: z.number().int().min(0).max(3_600_000).optional().describe('How long to work before answering, in ms.'),
  fail_with: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,63}$/, 'lower_snake_case error code')
    .optional()
    .describe('Fail the task with this error code (after sleep_ms).'),
});

/** A demo agent that answers with what it was given; it drives every path of the task engine. */
export const echoAgent: AgentDefinition = {
  slug: 'echo',
  aliases: ['echo-agent'],
  name: 'Echo',
  description: 'Echoes its input back as an artifact, optionally after working for a while.',
  taskTypes: {
    echo: defineTaskType({
      description: 'Echo the input back as an `echo.result` artifact.',
      input: echoInput,
      emits: ['echo.result'],
      timeoutMs: 2 * 60 * 60 * 1000,
      maximumAttempts: 3,
      async run(context, input) {
        if (input.sleep_ms) await context.sleep(input.sleep_ms);
        if (input.fail_with) throw new AgentError(input.fail_with, `Failed on request (fail_with: ${input.fail_with}).`);
        const echoed = { message: input.message ?? null, input };
        return {
          output: echoed,
          artifacts: [{ type: 'echo.result', displayName: 'echo.json', mimeType: 'application/json', data: echoed }],
        };
      },
    }),
  },
};
