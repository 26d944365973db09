import { z } from 'zod';

export const signedDownloadQuery = z.object({
  tenant: z.string().min(1).max(100),
  expires: z.string().min(1).max(20),
  signature: z.string().min(1).max(200),
});
