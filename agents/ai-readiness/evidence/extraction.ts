import { type ArchiveKind, type Extraction, archiveFailure } from './archive';
import { extractTar } from './tar';
import { extractZip } from './zip';

/** Extracts an archive into `destination`, refusing unsafe or oversized ones with a clear code. */
export async function extractArchive(kind: ArchiveKind, archivePath: string, destination: string, extraction: Extraction): Promise<void> {
  try {
    await (kind === 'zip' ? extractZip : extractTar)(archivePath, destination, extraction);
  } catch (error) {
    if (extraction.signal.aborted) throw extraction.signal.reason;
    throw archiveFailure(error, extraction.archiveName);
  }
}
