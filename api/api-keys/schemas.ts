import { z } from 'zod';

export const createApiKeyBody = z.strictObject({
  name: z.string().min(1).max(200),
  role: z.enum(['admin', 'member']).default('member'),
  user_email: z.email().optional(),
});
