import { z } from 'zod';
import { ROLES } from '../../lib/auth/api-keys';

export const createApiKeyBody = z.strictObject({
  name: z.string().min(1).max(200),
  role: z.enum(ROLES).default('member'),
  user_email: z.email().optional(),
});
