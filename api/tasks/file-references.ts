import type { Database } from '../../lib/db/client';
import type { File as FileRow } from '../../lib/generated/prisma/client';
import { FILE_ID_PATTERN } from '../../lib/ids';
import { invalidRequest } from '../problem';

interface FileReference {
  id: string;
  /** Where in the body it was found, e.g. `input.source` or `files.0.file_id`. */
  field: string;
}

/**
 * The tenant's files a task refers to: each `files[].file_id` of a command, and every string
 * anywhere in `input` that looks like a file ID. One that is not among the tenant's files is a
 * 400 naming where it was found. Answers with the files found, by ID.
 */
export async function resolveFileReferences(
  db: Database,
  tenantId: string,
  body: { input?: unknown; files?: { file_id?: string }[] },
): Promise<Map<string, FileRow>> {
  const references = [
    ...fileIdsIn(body.input, ['input']),
    ...(body.files ?? []).flatMap((file, index) => (file.file_id === undefined ? [] : [{ id: file.file_id, field: `files.${index}.file_id` }])),
  ];
  if (references.length === 0) return new Map();
  const rows = await db.file.findMany({ where: { tenantId, id: { in: [...new Set(references.map((reference) => reference.id))] } } });
  const found = new Map(rows.map((row) => [row.id, row]));
  const unknown = references.filter((reference) => !found.has(reference.id));
  if (unknown.length > 0) {
    throw invalidRequest(
      unknown.map(({ id, field }) => ({ field, in: 'body' as const, message: `No file ${id} among this tenant's files (upload it with POST /v1/files)` })),
    );
  }
  return found;
}

function fileIdsIn(value: unknown, path: string[]): FileReference[] {
  if (typeof value === 'string') return FILE_ID_PATTERN.test(value) ? [{ id: value, field: path.join('.') }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => fileIdsIn(item, [...path, String(index)]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => fileIdsIn(item, [...path, key]));
  return [];
}
