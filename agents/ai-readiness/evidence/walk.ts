import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Folders whose files describe other projects (dependencies, build output) or history, not this one. */
const SKIPPED_DIRECTORIES = new Set(['.git', '.hg', '.svn', 'node_modules', 'bower_components', 'vendor', 'third_party', '.venv', 'venv', '__pycache__', '.tox', 'dist', 'build', 'target', '.next', '.cache']);

export interface EvidenceFile {
  /** Relative to the evidence root, with `/` separators: how reports name it. */
  path: string;
  absolutePath: string;
}

/**
 * The evidence tree's regular files, depth first in name order (the same order on every
 * machine), one directory listing in memory at a time. Symbolic links are not followed: one
 * could lead out of the evidence.
 */
export async function* walkEvidence(root: string, relative = ''): AsyncGenerator<EvidenceFile> {
  let entries: Dirent[];
  try {
    entries = await readdir(path.join(root, relative), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EACCES') return;
    throw error;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) yield* walkEvidence(root, child);
    } else if (entry.isFile()) {
      yield { path: child, absolutePath: path.join(root, child) };
    }
  }
}

/** A path as reports show it: a very long one keeps its end, which names the file. */
export function shortenedPath(filePath: string, maxChars: number): string {
  return filePath.length <= maxChars ? filePath : `…${filePath.slice(-(maxChars - 1))}`;
}
