import { z } from 'zod';

// eslint-disable-next-line no-control-regex -- control characters are what is refused
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** A file's name as given at upload: a base name, no directories, no control characters. */
export const fileName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !CONTROL_CHARACTERS.test(name), 'Must not contain control characters')
  .refine((name) => !/[\\/]/.test(name) && name !== '.' && name !== '..', 'A file name, without directories');

/** What a file is for, e.g. `evidence`, `questionnaire`, `attachment`. */
export const filePurpose = z.string().regex(/^[A-Za-z0-9][\w.-]{0,63}$/, 'Up to 64 letters, digits, _, . and -');

/** A MIME type without parameters, e.g. `application/pdf`. */
export const mimeType = z.string().max(200).regex(/^[\w.+-]+\/[\w.+-]+$/, 'A MIME type like application/pdf');

/**
 * POST /v1/files query: a raw upload needs `name`; a multipart one takes its file name from the
 * form unless `name` overrides it, and its `purpose` from the form or from here.
 */
export const uploadFileQuery = z.object({
  name: fileName.optional(),
  purpose: filePurpose.optional(),
});

export const listFilesQuery = z.object({
  purpose: filePurpose.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(500).optional(),
});

const timestamp = z.iso.datetime();

/** An uploaded file as clients see it, with a fresh signed download URL. */
export const fileBody = z
  .object({
    file_id: z.string(),
    tenant_id: z.string(),
    name: z.string(),
    mime_type: z.string(),
    size_bytes: z.int(),
    sha256: z.string(),
    purpose: z.string().nullable(),
    created_at: timestamp,
    signed_url: z.string().meta({ description: 'A download URL valid for 15 minutes' }),
    signed_url_expires_at: timestamp,
  })
  .meta({ id: 'File' });

export const filePage = z.object({ files: z.array(fileBody), next_cursor: z.string().nullable() });
export const fileDeleted = z.object({ deleted: z.literal(true), file_id: z.string() });
export const fileIdParams = z.object({ id: z.string().meta({ description: 'A file ID (file_…)' }) });
