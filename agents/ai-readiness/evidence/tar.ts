import { createReadStream } from 'node:fs';
import type { Stats } from 'node:fs';
import { type ReadEntry, Unpack } from 'tar';
import { type Extraction, safeEntryPath } from './archive';

const WRITTEN_TYPES = new Set(['File', 'OldFile', 'ContiguousFile', 'Directory']);

/**
 * Extracts a tar, gzipped or not, through tar's own unpacker (which also refuses to write
 * through links); each entry passes our checks first, and links and special files are skipped.
 */
export async function extractTar(tarPath: string, destination: string, extraction: Extraction): Promise<void> {
  let refusal: unknown;
  const admit = (entryPath: string, entry: Stats | ReadEntry): boolean => {
    const header = entry as ReadEntry;
    try {
      extraction.signal.throwIfAborted();
      extraction.heartbeat();
      if (safeEntryPath(entryPath, extraction.archiveName) === null || !WRITTEN_TYPES.has(header.type)) return false;
      // Directories count as files: a million empty ones would exhaust the disk's inodes.
      extraction.budget.claim(header.type === 'Directory' ? 0 : header.size, extraction.archiveName, 'archive_too_large');
      // Modes from the archive (000, setuid) could keep the scan from reading and the clean-up
      // from removing what was extracted.
      header.mode = header.type === 'Directory' ? 0o755 : 0o644;
      return true;
    } catch (error) {
      refusal = error;
      unpack.abort(error as Error);
      return false;
    }
  };
  const unpack = new Unpack({ cwd: destination, strict: true, preserveOwner: false, filter: admit });
  const input = createReadStream(tarPath);
  try {
    await new Promise<void>((resolve, reject) => {
      unpack.on('error', reject);
      unpack.on('close', resolve);
      input.on('error', reject);
      input.pipe(unpack);
    });
  } catch (error) {
    throw refusal ?? error;
  } finally {
    input.destroy();
  }
}
