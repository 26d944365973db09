import { open } from 'node:fs/promises';
import { AgentError } from '../../sdk';
import type { EvidenceBudget } from './limits';

export type ArchiveKind = 'zip' | 'tar';

/** What an archive extraction reports to and draws on. */
export interface Extraction {
  archiveName: string;
  budget: EvidenceBudget;
  signal: AbortSignal;
  heartbeat(): void;
}

/** What a downloaded file is, by its first bytes (names and MIME types are only claims). */
export async function archiveKind(filePath: string): Promise<ArchiveKind | null> {
  const handle = await open(filePath, 'r');
  try {
    const head = Buffer.alloc(262);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const bytes = head.subarray(0, bytesRead);
    if (bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')) || bytes.subarray(0, 4).equals(Buffer.from('PK\x05\x06', 'latin1'))) return 'zip';
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'tar'; // gzip: a .tar.gz or .tgz
    if (bytes.subarray(257, 262).toString('latin1') === 'ustar') return 'tar';
    return null;
  } finally {
    await handle.close();
  }
}

/**
 * The entry's path inside the extraction directory, or null for the directory itself. A name
 * that would land outside it (absolute, a drive letter, `..`) refuses the whole archive: such an
 * archive was made to attack, and nothing in it is trustworthy evidence.
 */
export function safeEntryPath(entryName: string, archiveName: string): string | null {
  const name = entryName.replaceAll('\\', '/');
  const unsafe = (why: string) => new AgentError('archive_unsafe', `${archiveName}: entry "${entryName}" ${why}; the archive was refused`);
  if (name.includes('\0')) throw unsafe('has a NUL character in its name');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw unsafe('has an absolute path');
  const parts = name.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.includes('..')) throw unsafe('climbs out of the extraction directory');
  return parts.length === 0 ? null : parts.join('/');
}

/**
 * Archive-shaped failures (corrupt data, conflicting or overlong names) fail the task; failures of the
 * machine itself (a full disk) are thrown as they are, so a retry may succeed.
 */
export function archiveFailure(error: unknown, archiveName: string): Error {
  if (error instanceof AgentError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const conflicting = code === 'ENOTDIR' || code === 'EISDIR' || code === 'EEXIST' || code === 'ENAMETOOLONG';
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code) && !conflicting) return error as Error;
  return new AgentError('archive_invalid', `${archiveName} could not be extracted: ${(error as Error).message}`);
}
