import { z } from 'zod';
import { defineTool } from './sdk';

/** Deterministic text tools, the skills of the agents that offer them (echo, llm). */
export const textTools = {
  uppercase: defineTool({
    description: 'The text in upper case.',
    input: z.strictObject({ text: z.string().max(10_000) }),
    run: async ({ text }) => ({ text: text.toUpperCase() }),
  }),
  word_count: defineTool({
    description: 'How many words the text has.',
    input: z.strictObject({ text: z.string().max(100_000) }),
    run: async ({ text }) => ({ words: text.split(/\s+/).filter(Boolean).length }),
  }),
};
