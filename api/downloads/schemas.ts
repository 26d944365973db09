import { z } from 'zod';

export const signedDownloadQuery = z.object({
  tenant: z.string().min(1).max(100),
  expires: z.string().min(1).max(20),
  signature: z.string().min(1).max(200),
});

export const downloadIdParams = z.object({ id: z.string().meta({ description: 'The artifact or file ID the URL was signed for' }) });

export const downloadContent = z.string().meta({ description: 'The content, as stored (or the requested byte range)', format: 'binary' });
