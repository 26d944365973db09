import MiniSearch from 'minisearch';
import { AgentError, type AgentContext } from '../../sdk';
import type { EvidenceTree } from '../evidence/source';
import { readText, textTypeOf } from '../evidence/text';
import { shortenedPath, walkEvidence } from '../evidence/walk';
import { excerptOf, passagesOf } from './passages';
import { questionTerms, searchTerm } from './terms';

export interface Citation {
  file: string;
  excerpt: string;
}

/** An answer as evidence supports it: no citations and confidence 0 when none does. */
export interface GroundedAnswer {
  confidence: number;
  citations: Citation[];
}

/** Text indexed in all; a tree with more documents is indexed up to here, and says so. */
const MAX_INDEXED_CHARS = 16 * 1024 * 1024;
const MAX_TEXT_CHARS_PER_FILE = 512 * 1024;
const MAX_CITED_PATH_CHARS = 200;
const CITATIONS_PER_ANSWER = 2;
/** A passage is relevant when it holds more than half of the question's terms, and at least two of them (if it has two). */
const MIN_MATCHED_TERMS = 2;

/** Full-text retrieval over the evidence's documents (prose only: code and configuration may hold secrets). */
export class EvidenceIndex {
  filesIndexed = 0;
  truncated = false;
  private indexedChars = 0;
  private readonly passageFiles: string[] = [];
  private readonly passageTexts: string[] = [];
  private readonly search = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    processTerm: searchTerm,
    searchOptions: { prefix: (term) => term.length >= 5, combineWith: 'OR' },
  });

  /** Adds a document's passages; false, adding nothing, once the index is full. */
  add(file: string, text: string): boolean {
    if (this.indexedChars + text.length > MAX_INDEXED_CHARS) {
      this.truncated = true;
      return false;
    }
    this.indexedChars += text.length;
    this.filesIndexed += 1;
    for (const passage of passagesOf(text)) {
      const id = this.passageTexts.push(passage) - 1;
      this.passageFiles.push(file);
      this.search.add({ id, text: passage });
    }
    return true;
  }

  /**
   * The passages that best cover the question's terms, from different files, each quoted by
   * its best sentence; confidence is the share of the question's terms the best one holds.
   */
  answer(question: string): GroundedAnswer {
    const terms = questionTerms(question);
    if (terms.length === 0) return { confidence: 0, citations: [] };
    const relevant = this.search
      .search(question)
      .map((result) => ({ id: result.id as number, matched: result.queryTerms, coverage: result.queryTerms.length / terms.length }))
      .filter(({ matched }) => matched.length * 2 > terms.length && matched.length >= Math.min(MIN_MATCHED_TERMS, terms.length))
      // Stable: equally covering passages stay in relevance order.
      .sort((a, b) => b.coverage - a.coverage);
    const citations: Citation[] = [];
    let confidence = 0;
    for (const { id, matched, coverage } of relevant) {
      const file = this.passageFiles[id]!;
      if (citations.some((citation) => citation.file === file)) continue;
      const excerpt = excerptOf(this.passageTexts[id]!, matched);
      if (excerpt === null) continue;
      if (citations.length === 0) confidence = Math.round(coverage * 100) / 100;
      citations.push({ file, excerpt });
      if (citations.length === CITATIONS_PER_ANSWER) break;
    }
    return { confidence, citations };
  }
}

/** Reads the tree's documents into an index, one file's text in memory at a time. */
export async function indexEvidence(context: AgentContext, tree: EvidenceTree): Promise<EvidenceIndex> {
  const index = new EvidenceIndex();
  let walked = 0;
  for await (const file of walkEvidence(tree.root)) {
    context.signal.throwIfAborted();
    walked += 1;
    if (walked > tree.maxFiles) throw new AgentError('source_too_large', `The evidence holds more than ${tree.maxFiles} files (AUDIT_MAX_FILES)`);
    if (walked % 100 === 0) context.heartbeat();
    const type = textTypeOf(file.path);
    if (type?.kind !== 'document') continue;
    const text = await readText(file.absolutePath, type.format, { maxChars: MAX_TEXT_CHARS_PER_FILE, signal: context.signal, heartbeat: () => context.heartbeat() });
    if (text !== null && !index.add(shortenedPath(file.path, MAX_CITED_PATH_CHARS), text)) break;
  }
  return index;
}
