import MiniSearch from 'minisearch';
import { searchTerm } from './terms';

/** Passages longer than this are cut at sentence ends. */
const PASSAGE_CHARS = 800;
/** Blocks shorter than this (headings, labels) are kept with the text that follows them. */
const SHORT_BLOCK_CHARS = 80;
const EXCERPT_CHARS = 240;
const MIN_EXCERPT_CHARS = 60;

const SEGMENT_BREAK = /\n|(?<=[.!?])\s+/;

/** A document's text as retrievable passages: paragraphs, headings kept with their text, long ones cut. */
export function passagesOf(text: string): string[] {
  const blocks = text
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.replace(/^\s*#{1,6}\s+/, '').replace(/\s+/g, ' ').trim())
        .filter(Boolean)
        .join('\n'),
    )
    .filter(Boolean);
  const passages: string[] = [];
  let pending = '';
  for (const block of blocks) {
    pending = pending ? `${pending}\n${block}` : block;
    if (pending.length >= SHORT_BLOCK_CHARS || /[.!?]$/.test(block)) {
      passages.push(...cut(pending));
      pending = '';
    }
  }
  if (pending) passages.push(...cut(pending));
  return passages;
}

function cut(passage: string): string[] {
  if (passage.length <= PASSAGE_CHARS) return [passage];
  const pieces: string[] = [];
  let piece = '';
  for (const segment of passage.split(SEGMENT_BREAK).flatMap((long) => long.match(new RegExp(`[^]{1,${PASSAGE_CHARS}}`, 'g')) ?? [])) {
    if (piece && piece.length + 1 + segment.length > PASSAGE_CHARS) {
      pieces.push(piece);
      piece = '';
    }
    piece = piece ? `${piece}\n${segment}` : segment;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * The passage's sentence that holds the most of the question's terms, as a quotable excerpt;
 * null if none holds any. Questions are not answers, so sentences ending with "?" are passed
 * over; a short one (a heading) takes the sentences after it, so the excerpt says something.
 */
export function excerptOf(passage: string, terms: string[]): string | null {
  const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
  const sentences = passage
    .split(SEGMENT_BREAK)
    .map((part) => part.trim())
    .filter((sentence) => sentence !== '' && !sentence.endsWith('?'));
  let best = -1;
  let bestRank = 0;
  for (const [index, sentence] of sentences.entries()) {
    const words = tokenize(sentence).map(searchTerm).filter((word): word is string => word !== null);
    const matched = terms.filter((term) => words.some((word) => word === term || (term.length >= 5 && word.startsWith(term)))).length;
    // Between sentences holding as many terms, a statement beats a heading.
    const heading = sentence.length < SHORT_BLOCK_CHARS && !/[.!;]$/.test(sentence);
    const rank = matched === 0 ? 0 : matched * 2 + (heading ? 0 : 1);
    if (rank > bestRank) [best, bestRank] = [index, rank];
  }
  if (best < 0) return null;
  let excerpt = sentences[best]!;
  for (const next of sentences.slice(best + 1)) {
    if (excerpt.length >= MIN_EXCERPT_CHARS) break;
    excerpt += `${/[.!:;]$/.test(excerpt) ? ' ' : ': '}${next}`;
  }
  return excerpt.length <= EXCERPT_CHARS ? excerpt : `${excerpt.slice(0, EXCERPT_CHARS - 1)}…`;
}
