import { AgentError, type AgentContext } from '../../sdk';
import type { EvidenceTree, SourceSummary } from '../evidence/source';
import { type TextKind, readText, textTypeOf } from '../evidence/text';
import { type EvidenceFile, shortenedPath, walkEvidence } from '../evidence/walk';
import { RUBRIC_CHECKS } from './rubric';

export type Scope = 'full' | 'quick';

/** What the scan found: small enough to be a step's recorded result. */
export interface ScanResult {
  source: SourceSummary;
  filesScanned: number;
  /** Files whose text was read for keyword evidence. */
  filesRead: number;
  /** PDF, DOCX or text files whose text could not be read (corrupt, encrypted, binary). */
  filesUnreadable: number;
  /** Per check key, the first evidence files found, in walk order. */
  evidence: Record<string, string[]>;
}

/** A check lists this many evidence files; once it has them, its text is no longer searched. */
const EVIDENCE_FILES_PER_CHECK = 5;
const MAX_LISTED_PATH_CHARS = 300;
/** Text read per file: `quick` reads less and parses no PDF or DOCX. */
const MAX_TEXT_CHARS: Record<Scope, number> = { full: 512 * 1024, quick: 64 * 1024 };
const HEARTBEAT_EVERY_FILES = 100;

const PATH_CHECKS = RUBRIC_CHECKS.filter(({ check }) => check.path);
const TEXT_CHECKS = RUBRIC_CHECKS.filter(({ check }) => check.text);

/**
 * Walks the evidence tree once, matching each file's path and, while some check still wants
 * it, its text against the rubric. Holds one file's text at a time.
 */
export async function scanEvidence(context: AgentContext, tree: EvidenceTree, scope: Scope): Promise<ScanResult> {
  const total = await countFiles(context, tree);
  await context.progress(0.1, `Scanning ${total} files`);
  const evidence: Record<string, string[]> = {};
  const record = (key: string, file: EvidenceFile) => {
    const files = (evidence[key] ??= []);
    const listed = shortenedPath(file.path, MAX_LISTED_PATH_CHARS);
    if (files.length < EVIDENCE_FILES_PER_CHECK && !files.includes(listed)) files.push(listed);
  };
  const textChecksWanting = (kind: TextKind) =>
    TEXT_CHECKS.filter(({ key, check }) => check.text!.in.includes(kind) && (evidence[key]?.length ?? 0) < EVIDENCE_FILES_PER_CHECK);

  const result: ScanResult = { source: tree.source, filesScanned: 0, filesRead: 0, filesUnreadable: 0, evidence };
  const progressEvery = Math.max(500, Math.ceil(total / 20));
  for await (const file of walkEvidence(tree.root)) {
    context.signal.throwIfAborted();
    result.filesScanned += 1;
    if (result.filesScanned % HEARTBEAT_EVERY_FILES === 0) context.heartbeat();
    for (const { key, check } of PATH_CHECKS) if (check.path!.test(file.path)) record(key, file);

    const type = textTypeOf(file.path);
    const wanting = type && (scope === 'full' || type.format === 'text') ? textChecksWanting(type.kind) : [];
    if (type && wanting.length > 0) {
      const text = await readText(file.absolutePath, type.format, { maxChars: MAX_TEXT_CHARS[scope], signal: context.signal, heartbeat: () => context.heartbeat() });
      if (text === null) result.filesUnreadable += 1;
      else {
        result.filesRead += 1;
        for (const { key, check } of wanting) if (check.text!.pattern.test(text)) record(key, file);
      }
    }
    if (result.filesScanned % progressEvery === 0) {
      await context.progress(0.1 + (0.85 * result.filesScanned) / total, `Scanned ${result.filesScanned} of ${total} files`);
    }
  }
  return result;
}

async function countFiles(context: AgentContext, tree: EvidenceTree): Promise<number> {
  let count = 0;
  for await (const _file of walkEvidence(tree.root)) {
    context.signal.throwIfAborted();
    count += 1;
    if (count % 1000 === 0) context.heartbeat();
    if (count > tree.maxFiles) throw new AgentError('source_too_large', `The evidence holds more than ${tree.maxFiles} files (AUDIT_MAX_FILES)`);
  }
  return count;
}
