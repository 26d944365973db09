import { z } from 'zod';
import { ROLES } from '../../lib/auth/api-keys';

export const createApiKeyBody = z.strictObject({
  name: z.string().min(1).max(200),
  role: z.enum(ROLES).default('member'),
  user_email: z.email().optional(),
});

const timestamp = z.iso.datetime();

/** An API key as listed: never the key itself, never its hash. */
export const apiKeyBody = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    user_email: z.string().nullable(),
    prefix: z.string(),
    created_at: timestamp,
    last_used_at: timestamp.nullable(),
    revoked_at: timestamp.nullable(),
  })
  .meta({ id: 'ApiKey' });

/** A key as issued: the only time the key itself is shown. */
export const issuedApiKey = apiKeyBody.extend({ key: z.string().meta({ description: 'The key itself; shown once' }) }).meta({ id: 'IssuedApiKey' });
