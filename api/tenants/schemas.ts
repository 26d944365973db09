import { z } from 'zod';

export const createTenantBody = z.strictObject({ name: z.string().min(1).max(200) });
