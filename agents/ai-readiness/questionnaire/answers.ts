import type { Citation, GroundedAnswer } from './evidence-index';

export const NO_EVIDENCE_ANSWER = 'No evidence found.';

export interface Answer {
  id: string;
  question: string;
  answer: string;
  confidence: number;
  citations: Citation[];
}

/** Each question's drafted answer: the evidence quoted, never more than it says. */
export function draftAnswers(questions: string[], grounded: GroundedAnswer[]): Answer[] {
  return questions.map((question, index) => {
    const { confidence, citations } = grounded[index]!;
    const answer = citations.length === 0 ? NO_EVIDENCE_ANSWER : citations.map((citation) => `According to ${citation.file}: "${citation.excerpt}"`).join('\n');
    return { id: `q${index + 1}`, question, answer, confidence, citations };
  });
}
