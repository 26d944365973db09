import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AgentError, type AgentContext, type OpenedContent } from '../../sdk';
import { docxText } from '../evidence/docx';
import { loadPdfJs, pdfText } from '../evidence/pdf';
import { saveContent } from '../evidence/save';
import type { QuestionnaireInput } from '../inputs';
import { parseCsv } from './csv';
import { questionsInJson, questionsInText } from './questions';

export type QuestionnaireFormat = 'pdf' | 'docx' | 'csv' | 'json' | 'text';

export interface Questionnaire {
  name: string;
  format: QuestionnaireFormat;
  questions: string[];
  /** A CSV questionnaire's rows, header first, so the answers can be filled into it. */
  table?: { rows: string[][]; questionColumn: number };
}

const MAX_QUESTIONNAIRE_BYTES = 20 * 1024 * 1024;
const MAX_DOCUMENT_TEXT_CHARS = 2 * 1024 * 1024;
/** Answered per task: the questions and their answers are recorded in the task's history. */
export const MAX_QUESTIONS = 150;
const MAX_QUESTION_CHARS = 500;
const MAX_RECORDED_CHARS = 150_000;

/** Downloads or opens the questionnaire and finds its questions. */
export async function readQuestionnaire(context: AgentContext, input: QuestionnaireInput): Promise<Questionnaire> {
  const opened = input.file_id !== undefined ? await context.files.open(input.file_id) : await context.fetch(input.document_url!, { maxBytes: MAX_QUESTIONNAIRE_BYTES });
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'taskwright-questionnaire-'));
  try {
    const file = path.join(workDir, 'questionnaire');
    await saveContent(context, opened, file, MAX_QUESTIONNAIRE_BYTES, () => new AgentError('questionnaire_too_large', `${opened.name} is larger than ${MAX_QUESTIONNAIRE_BYTES} bytes`));
    const format = await formatOf(file, opened);
    return bounded({ name: opened.name, format, ...(await parse(context, file, format, opened.name)) });
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** By content for PDF and DOCX (a zip), otherwise by the name's extension or the MIME type. */
async function formatOf(file: string, opened: OpenedContent): Promise<QuestionnaireFormat> {
  const handle = await open(file, 'r');
  const head = Buffer.alloc(5);
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  if (head.toString('latin1') === '%PDF-') return 'pdf';
  if (head.subarray(0, 4).toString('latin1') === 'PK\x03\x04') return 'docx';
  const extension = path.extname(opened.name).toLowerCase();
  const mimeType = opened.mimeType.split(';')[0]!.trim().toLowerCase();
  if (extension === '.csv' || mimeType === 'text/csv') return 'csv';
  if (extension === '.json' || mimeType === 'application/json') return 'json';
  return 'text';
}

async function parse(context: AgentContext, file: string, format: QuestionnaireFormat, name: string): Promise<Pick<Questionnaire, 'questions' | 'table'>> {
  const unreadable = (why: string) => new AgentError('questionnaire_unreadable', `${name}: ${why}`);
  const parsing = async (what: string, read: () => Promise<string>) => {
    try {
      return await read();
    } catch (error) {
      if (context.signal.aborted) throw context.signal.reason;
      throw unreadable(`not a readable ${what} (${(error as Error).message})`);
    }
  };
  const reading = { maxChars: MAX_DOCUMENT_TEXT_CHARS, signal: context.signal, heartbeat: () => context.heartbeat() };
  if (format === 'pdf') {
    await loadPdfJs();
    return { questions: questionsInText(await parsing('PDF', async () => pdfText(new Uint8Array(await readFile(file)), reading))) };
  }
  if (format === 'docx') return { questions: questionsInText(await parsing('DOCX document', () => docxText(file, reading))) };

  const bytes = await readFile(file);
  if (bytes.includes(0)) throw unreadable('not a PDF, DOCX, CSV, JSON or text file');
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw unreadable(`not valid JSON (${(error as Error).message})`);
    }
    const questions = questionsInJson(value);
    if (!questions) throw unreadable('JSON questionnaires are an array of questions (strings or objects with "question")');
    return { questions };
  }
  if (format === 'csv') {
    const rows = parseCsv(text);
    const questionColumn = rows[0]?.findIndex((header) => /question/i.test(header)) ?? -1;
    if (questionColumn < 0) throw unreadable('the CSV has no column named "question"');
    const questions = rows.slice(1).map((row) => row[questionColumn]?.trim() ?? '').filter((question) => question !== '');
    return { questions, table: { rows, questionColumn } };
  }
  return { questions: questionsInText(text) };
}

/** Refuses what would not fit the task's history; long questions are cut. */
function bounded(questionnaire: Questionnaire): Questionnaire {
  const { name, questions } = questionnaire;
  if (questions.length === 0) throw new AgentError('no_questions_found', `${name}: no questions found (numbered lines, lines ending with "?", a "question" column, or a JSON list)`);
  if (questions.length > MAX_QUESTIONS) throw new AgentError('questionnaire_too_large', `${name} has ${questions.length} questions; at most ${MAX_QUESTIONS} are answered per task`);
  const cut = { ...questionnaire, questions: questions.map((question) => (question.length > MAX_QUESTION_CHARS ? `${question.slice(0, MAX_QUESTION_CHARS - 1)}…` : question)) };
  if (JSON.stringify(cut).length > MAX_RECORDED_CHARS) throw new AgentError('questionnaire_too_large', `${name} is too large to answer in one task`);
  return cut;
}
