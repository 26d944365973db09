import path from 'node:path';
import { code } from '../markdown';
import type { Answer } from './answers';
import { formatCsv, inertCell } from './csv';
import type { Questionnaire } from './read';

/** The questionnaire with its answers filled in: the same CSV with answer columns, or Markdown. */
export function filledInQuestionnaire(questionnaire: Questionnaire, answers: Answer[]): { displayName: string; mimeType: string; content: string } {
  const stem = path.parse(questionnaire.name).name || 'questionnaire';
  if (questionnaire.table) return { displayName: `${stem}-answers.csv`, mimeType: 'text/csv', content: filledInCsv(questionnaire.table, answers) };
  return { displayName: `${stem}-answers.md`, mimeType: 'text/markdown', content: filledInMarkdown(questionnaire, answers) };
}

/** Existing `answer`, `confidence` and `sources` columns are filled, missing ones added. */
function filledInCsv({ rows, questionColumn }: NonNullable<Questionnaire['table']>, answers: Answer[]): string {
  const header = [...rows[0]!];
  const column = (name: string) => {
    const existing = header.findIndex((cell) => cell.trim().toLowerCase() === name);
    return existing >= 0 ? existing : header.push(name) - 1;
  };
  const columns = { answer: column('answer'), confidence: column('confidence'), sources: column('sources') };
  let next = 0;
  const body = rows.slice(1).map((row) => {
    const cells = Array.from({ length: header.length }, (_, index) => row[index] ?? '');
    if ((row[questionColumn]?.trim() ?? '') === '') return cells;
    const answer = answers[next++]!;
    cells[columns.answer] = inertCell(answer.answer);
    cells[columns.confidence] = String(answer.confidence);
    cells[columns.sources] = inertCell(answer.citations.map((citation) => citation.file).join('; '));
    return cells;
  });
  return formatCsv([header, ...body]);
}

function filledInMarkdown(questionnaire: Questionnaire, answers: Answer[]): string {
  const lines = [`# Answers: ${questionnaire.name}`, '', 'Drafted from the evidence: each answer quotes the files it rests on. Review before sending.'];
  for (const [index, answer] of answers.entries()) {
    lines.push('', `## ${index + 1}. ${answer.question}`, '', answer.answer, '');
    const sources = answer.citations.map((citation) => code(citation.file)).join(', ');
    lines.push(`Confidence: ${answer.confidence}${sources ? ` · Sources: ${sources}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
