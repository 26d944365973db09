import { mkdir, mkdtemp, realpath, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AgentError, type AgentContext, type OpenedContent } from '../../sdk';
import { archiveKind } from './archive';
import { extractArchive } from './extraction';
import { EvidenceBudget, evidenceLimits } from './limits';
import { saveContent } from './save';

/** A task's `source`: an uploaded file, several, an archive to download, or a server directory. */
export type EvidenceSource = string | { file_ids: string[] } | { archive_url: string } | { path: string };

/** Where the evidence came from, as reports state it. */
export type SourceSummary =
  | { type: 'evidence_files'; files: number }
  | { type: 'file'; file_id: string }
  | { type: 'files'; file_ids: string[] }
  | { type: 'archive_url'; url: string }
  | { type: 'path'; path: string };

export interface EvidenceTree {
  root: string;
  source: SourceSummary;
  /** More files than this in the tree fail the task (AUDIT_MAX_FILES). */
  maxFiles: number;
}

/** Uploads read when no source is named: the tenant's newest evidence files. */
const MAX_EVIDENCE_UPLOADS = 1000;

/**
 * Gives `use` the evidence as a directory tree: a server directory as it is, uploads and
 * downloads unpacked into a temporary directory that is removed afterwards.
 */
export async function withEvidenceTree<T>(context: AgentContext, source: EvidenceSource | undefined, use: (tree: EvidenceTree) => Promise<T>): Promise<T> {
  const limits = evidenceLimits();
  if (typeof source === 'object' && 'path' in source) {
    const root = await allowedDirectory(source.path, limits.allowedDirs);
    return use({ root, source: { type: 'path', path: source.path }, maxFiles: limits.maxFiles });
  }
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'taskwright-evidence-'));
  try {
    const unpacker = new EvidenceUnpacker(context, workDir, new EvidenceBudget(limits));
    await unpacker.prepare();
    const summary = await unpackSource(context, source, unpacker);
    return await use({ root: unpacker.root, source: summary, maxFiles: limits.maxFiles });
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function unpackSource(context: AgentContext, source: Exclude<EvidenceSource, { path: string }> | undefined, unpacker: EvidenceUnpacker): Promise<SourceSummary> {
  if (typeof source === 'string') {
    await unpacker.add(await context.files.open(source));
    return { type: 'file', file_id: source };
  }
  if (source && 'file_ids' in source) {
    for (const fileId of source.file_ids) await unpacker.add(await context.files.open(fileId));
    return { type: 'files', file_ids: source.file_ids };
  }
  if (source) {
    await unpacker.add(await context.fetch(source.archive_url));
    return { type: 'archive_url', url: source.archive_url };
  }
  const uploads = await context.files.list({ purpose: 'evidence', limit: MAX_EVIDENCE_UPLOADS });
  for (const upload of uploads) await unpacker.add(await context.files.open(upload.id));
  return { type: 'evidence_files', files: uploads.length };
}

/** Puts uploads and downloads into the evidence tree: archives extracted, documents as they are. */
class EvidenceUnpacker {
  readonly root: string;
  private readonly downloads: string;
  private readonly names = new Set<string>();
  private added = 0;

  constructor(
    private readonly context: AgentContext,
    workDir: string,
    private readonly budget: EvidenceBudget,
  ) {
    this.root = path.join(workDir, 'evidence');
    this.downloads = path.join(workDir, 'downloads');
  }

  async prepare(): Promise<void> {
    await mkdir(this.root);
    await mkdir(this.downloads);
  }

  async add(opened: OpenedContent): Promise<void> {
    this.added += 1;
    const download = path.join(this.downloads, String(this.added));
    const maxBytes = this.budget.bytesLeft;
    await saveContent(this.context, opened, download, maxBytes, () => new AgentError('source_too_large', `${opened.name} is larger than the ${maxBytes} bytes of evidence still allowed (AUDIT_MAX_EXTRACTED_BYTES)`));
    const kind = await archiveKind(download);
    if (kind) {
      // Named like the archive, extension and all: `repo.zip/docs/x.md` says where a file came
      // from, and cannot be mistaken for a skipped folder like `dist/`.
      const destination = path.join(this.root, this.uniqueName(safeFileName(opened.name)));
      await mkdir(destination);
      const { budget, context } = this;
      await extractArchive(kind, download, destination, { archiveName: opened.name, budget, signal: context.signal, heartbeat: () => context.heartbeat() });
      await rm(download);
    } else {
      this.budget.claim((await stat(download)).size, opened.name, 'source_too_large');
      await rename(download, path.join(this.root, this.uniqueName(safeFileName(opened.name))));
    }
  }

  private uniqueName(name: string): string {
    let unique = name;
    for (let copy = 2; this.names.has(unique); copy++) unique = `${name}-${copy}`;
    this.names.add(unique);
    return unique;
  }
}

/** An uploaded file's name as a single path segment of the evidence tree. */
function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = path.posix.basename(name.replaceAll('\\', '/')).replace(/[\u0000-\u001f]/g, '');
  return base === '' || base === '.' || base === '..' ? 'file' : base;
}

/**
 * The requested directory, resolved, if it lies inside one the operator allowed; a link that
 * leads out of them is refused like any other path outside.
 */
async function allowedDirectory(requested: string, allowedDirs: string[]): Promise<string> {
  const refuse = (why: string) => new AgentError('source_not_allowed', `${requested}: ${why}`);
  if (allowedDirs.length === 0) throw refuse('auditing server directories is not enabled (AUDIT_ALLOWED_DIRS is empty)');
  if (!path.isAbsolute(requested)) throw refuse('not an absolute path');
  const outside = 'not inside a directory that AUDIT_ALLOWED_DIRS allows';
  if (!allowedDirs.some((dir) => isWithin(path.resolve(dir), path.resolve(requested)))) throw refuse(outside);
  let resolved: string;
  try {
    resolved = await realpath(requested);
  } catch {
    throw new AgentError('source_not_found', `${requested} does not exist or cannot be read`);
  }
  const resolvedAllowed = await Promise.all(allowedDirs.map((dir) => realpath(dir).catch(() => null)));
  if (!resolvedAllowed.some((dir) => dir !== null && isWithin(dir, resolved))) throw refuse(outside);
  if (!(await stat(resolved)).isDirectory()) throw new AgentError('source_not_found', `${requested} is not a directory`);
  return resolved;
}

function isWithin(dir: string, candidate: string): boolean {
  const relative = path.relative(dir, candidate);
  return relative === '' || (relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative));
}
