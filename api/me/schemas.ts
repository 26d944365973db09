import { z } from 'zod';
import { ROLES } from '../../lib/auth/api-keys';

/** Who the caller is: the key it authenticated with and that key's tenant. */
export const meBody = z
  .object({
    tenant: z.object({
      tenant_id: z.string(),
      name: z.string(),
      operator: z.boolean().meta({ description: 'The operator tenant (its admin keys may create tenants)' }),
    }),
    api_key: z.object({
      id: z.string(),
      name: z.string(),
      role: z.enum(ROLES),
      user_email: z.string().nullable(),
      prefix: z.string(),
    }),
  })
  .meta({ id: 'Me' });
