import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Header, create as createTar } from 'tar';
import { ZipFile } from 'yazl';
import { aiReadinessAgent } from '../../agents/ai-readiness';
import { type AgentContext, AgentError, type AgentFiles, type FileInfo, type JsonObject, type OpenedContent } from '../../agents/sdk';

const SYSTEM_TMP_DIR = os.tmpdir();

const scratchDirs: string[] = [];

/** A fresh directory for a test's files (always in the system's temporary directory). */
export function scratchDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(SYSTEM_TMP_DIR, `ai-readiness-test-${prefix}-`));
  scratchDirs.push(dir);
  return dir;
}

/** Removes every directory `scratchDir` made: call it in the test file's `afterAll`. */
export function removeScratchDirs(): void {
  for (const dir of scratchDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes `files` (relative path → content) under `root`. */
export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
}

/** A one-page PDF with a text line per entry. */
export async function pdfOf(lines: string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage();
  lines.forEach((line, index) => page.drawText(line, { x: 50, y: 780 - index * 18, size: 11, font }));
  return Buffer.from(await pdf.save());
}

/** A DOCX with a paragraph per entry. */
export async function docxOf(paragraphs: string[]): Promise<Buffer> {
  const document = new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph(text)) }] });
  return Packer.toBuffer(document);
}

export interface ZipEntry {
  name: string;
  content: string | Buffer;
  /** Unix mode with its file type bits, e.g. 0o120777 for a symbolic link. */
  mode?: number;
}

/**
 * A zip of `entries` (a name ending with `/` is an empty directory). yazl refuses unsafe names, so an entry may say `rename` to have its name
 * replaced, byte for byte, after the zip is built: how a zip-slip archive is made.
 */
export async function zipOf(entries: (ZipEntry & { rename?: string })[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const entry of entries) {
    if (entry.name.endsWith('/')) zip.addEmptyDirectory(entry.name);
    else zip.addBuffer(Buffer.from(entry.content), entry.name, entry.mode === undefined ? {} : { mode: entry.mode });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  let bytes = Buffer.concat(chunks).toString('latin1');
  for (const entry of entries) {
    if (entry.rename === undefined) continue;
    if (entry.rename.length !== entry.name.length) throw new Error('a renamed entry keeps its name length');
    bytes = bytes.replaceAll(entry.name, entry.rename);
  }
  return Buffer.from(bytes, 'latin1');
}

/** The directory's contents as a .tar.gz. */
export async function tarGzOf(dir: string): Promise<Buffer> {
  const file = path.join(scratchDir('tar'), 'archive.tar.gz');
  await createTar({ gzip: true, cwd: dir, file, portable: true }, fs.readdirSync(dir));
  return fs.readFileSync(file);
}

/** A .tar.gz holding one file under exactly this (possibly unsafe) name. */
export function tarGzWithEntry(name: string, content: string): Buffer {
  const data = Buffer.from(content);
  const header = new Header({ path: name, mode: 0o644, size: data.length, type: 'File', mtime: new Date(0), uid: 0, gid: 0 });
  header.encode();
  const padding = Buffer.alloc((512 - (data.length % 512)) % 512);
  return gzipSync(Buffer.concat([header.block!, data, padding, Buffer.alloc(1024)]));
}

export interface StoredFile {
  id: string;
  name: string;
  content: Buffer;
  purpose?: string;
  mimeType?: string;
}

/** The tenant's uploads, as `context.files` serves them. */
export function fakeFiles(files: StoredFile[]): AgentFiles {
  const info = (file: StoredFile): FileInfo => ({
    id: file.id,
    name: file.name,
    mimeType: file.mimeType ?? 'application/octet-stream',
    sizeBytes: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    purpose: file.purpose ?? null,
    createdAt: new Date('2026-01-01T00:00:00Z'),
  });
  return {
    list: async (filter) => files.filter((file) => !filter?.purpose || file.purpose === filter.purpose).map(info),
    open: async (fileId) => {
      const file = files.find((candidate) => candidate.id === fileId);
      if (!file) throw new AgentError('file_not_found', `No file ${fileId}`);
      return { ...info(file), content: Readable.from([file.content]) };
    },
  };
}

/** A download, as `context.fetch` returns it. */
export function fetched(name: string, mimeType: string, content: Buffer): OpenedContent {
  return { name, mimeType, sizeBytes: content.length, content: Readable.from([content]) };
}

/** Runs `work` with these evidence settings in the environment, as the operator would set them. */
export async function withAuditEnv<T>(env: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    return await work();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/**
 * A small AI product's evidence: some of what the rubric looks for is here, some is missing
 * (see the audit test for exactly which).
 */
export async function acmeEvidence(): Promise<Record<string, string | Buffer>> {
  return {
    'README.md':
      '# Acme scoring\n\nRanks loan applications.\n\n## Intended use\n\nLoan officers use the score to prioritise applications. ' +
      'The system is classified as high-risk under the EU AI Act.\n',
    'docs/models/scorer.md':
      '# Scorer\n\nTraining data: 2019-2023 loan outcomes from our own book.\n\nEvaluation results: accuracy 0.91 on the 2024 hold-out set.\n\n' +
      '## Known limitations\n\nThin-file applicants are scored less reliably.\n',
    'docs/oversight.md':
      '## Human oversight\n\nEvery score that leads to a rejection is reviewed by a human reviewer before the applicant is told. ' +
      'Reviewers can override the model decision.\n',
    'SECURITY.md': 'Report vulnerabilities to security@acme.example. We run an annual penetration test.\n',
    '.github/workflows/ci.yml': 'name: ci\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n      - run: npm audit\n',
    'src/logger.ts': "import pino from 'pino';\nexport const logger = pino();\n",
    'src/scorer.test.ts': "test('scores', () => {});\n",
    LICENSE: 'MIT License\n',
    'policies/retention.pdf': await pdfOf(['Data retention policy', 'Application records are deleted after 24 months.', 'Training data is retained for 36 months.']),
    'docs/incident-response.docx': await docxOf([
      'Incident response',
      'Production incidents are triaged within 4 hours by the on-call engineer.',
      'Serious incidents are reported to the market surveillance authority.',
    ]),
    'assets/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]),
    // Dependencies describe other projects: this must not count as our access control.
    'vendor/dep/CODEOWNERS': '* @someone-else\n',
  };
}

/** Runs a task type of the agent as the activity does: input parsed by its schema first. */
export async function runTask(taskType: string, context: AgentContext, input: unknown): Promise<JsonObject> {
  const definition = aiReadinessAgent.taskTypes[taskType]!;
  const { output } = await definition.run(context, definition.input.parse(input));
  return output;
}
