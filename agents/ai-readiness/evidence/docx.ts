import mammoth from 'mammoth';
import { assertZipUnpacksWithin } from './zip';

/** A DOCX unpacks to at most this much; beyond it, it is not opened. */
const MAX_DOCX_UNPACKED_BYTES = 64 * 1024 * 1024;

/** A DOCX document's text, a line per paragraph, up to `maxChars`. */
export async function docxText(filePath: string, options: { maxChars: number; signal: AbortSignal }): Promise<string> {
  // mammoth inflates the whole document in memory, so a zip bomb is stopped before it gets there.
  await assertZipUnpacksWithin(filePath, MAX_DOCX_UNPACKED_BYTES, options.signal);
  const { value } = await mammoth.extractRawText({ path: filePath });
  return value.slice(0, options.maxChars);
}
