import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry } from 'yauzl';
import { type Extraction, safeEntryPath } from './archive';

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;

/** Extracts regular files and directories; links and special files are skipped, never created. */
export async function extractZip(zipPath: string, destination: string, extraction: Extraction): Promise<void> {
  // Names are decoded and checked here, not by yauzl, so an unsafe one gets our error code.
  const zip = await yauzl.openPromise(zipPath, { decodeStrings: false, validateEntrySizes: true });
  try {
    for await (const entry of zip.eachEntry()) {
      extraction.signal.throwIfAborted();
      extraction.heartbeat();
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
      const relative = safeEntryPath(name, extraction.archiveName);
      if (relative === null) continue;
      const target = path.join(destination, relative);
      if (name.endsWith('/')) {
        // Directories count as files: a million empty ones would exhaust the disk's inodes.
        extraction.budget.claim(0, extraction.archiveName, 'archive_too_large');
        await mkdir(target, { recursive: true });
        continue;
      }
      if (!isRegularFile(entry)) continue;
      // Declared sizes are checked before any byte is written; yauzl fails an entry that
      // inflates past its declared size, so the declaration cannot lie.
      extraction.budget.claim(entry.uncompressedSize, extraction.archiveName, 'archive_too_large');
      await mkdir(path.dirname(target), { recursive: true });
      await pipeline(await zip.openReadStreamPromise(entry), createWriteStream(target));
    }
  } finally {
    zip.close();
  }
}

/**
 * Fails (archive_invalid) unless every entry of the zip inflates to at most `maxBytes` in all,
 * by inflating them: what a parser that trusts the zip (mammoth) may safely open.
 */
export async function assertZipUnpacksWithin(zipPath: string, maxBytes: number, signal: AbortSignal): Promise<void> {
  const zip = await yauzl.openPromise(zipPath, { validateEntrySizes: true });
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      signal.throwIfAborted();
      total += entry.uncompressedSize;
      if (total > maxBytes) throw new Error(`it unpacks to more than ${maxBytes} bytes`);
      await pipeline(await zip.openReadStreamPromise(entry), new Writable({ write: (_chunk, _encoding, done) => done() }));
    }
  } finally {
    zip.close();
  }
}

function isRegularFile(entry: Entry): boolean {
  const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
  // Zips made on Windows record no Unix mode at all: those entries are plain files.
  return type === 0 || type === S_IFREG;
}
