import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { docxText } from './docx';
import { loadPdfJs, pdfText } from './pdf';

/** Prose, structured configuration and data, or source code: rubric checks say which they read. */
export type TextKind = 'document' | 'data' | 'code';
export type TextFormat = 'text' | 'pdf' | 'docx';

export interface TextType {
  kind: TextKind;
  format: TextFormat;
}

const document = (format: TextFormat = 'text'): TextType => ({ kind: 'document', format });
const data: TextType = { kind: 'data', format: 'text' };
const code: TextType = { kind: 'code', format: 'text' };

const BY_EXTENSION: Record<string, TextType> = {
  ...Object.fromEntries(['md', 'markdown', 'mdx', 'txt', 'text', 'rst', 'adoc', 'asciidoc', 'org', 'html', 'htm'].map((ext) => [ext, document()])),
  pdf: document('pdf'),
  docx: document('docx'),
  ...Object.fromEntries(['json', 'yaml', 'yml', 'toml', 'ini', 'cfg', 'conf', 'xml', 'properties'].map((ext) => [ext, data])),
  ...Object.fromEntries(
    ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'py', 'go', 'java', 'kt', 'kts', 'scala', 'rb', 'cs', 'rs', 'php', 'swift', 'c', 'h', 'cc', 'cpp', 'hpp', 'sh', 'bash', 'sql'].map((ext) => [ext, code]),
  ),
};

const BY_NAME: Record<string, TextType> = {
  ...Object.fromEntries(['readme', 'license', 'licence', 'copying', 'notice', 'security', 'changelog', 'contributing', 'codeowners'].map((name) => [name, document()])),
  ...Object.fromEntries(['dockerfile', 'jenkinsfile', 'makefile'].map((name) => [name, code])),
};

/** How a file's text can be read, by its name; null for files that are not read (images, binaries, secrets like `.env`). */
export function textTypeOf(filePath: string): TextType | null {
  const name = path.posix.basename(filePath).toLowerCase();
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? BY_EXTENSION[name.slice(dot + 1)] : undefined) ?? BY_NAME[name] ?? null;
}

/** PDF and DOCX files larger than this are not parsed. */
const MAX_PARSED_DOCUMENT_BYTES = 32 * 1024 * 1024;

export interface TextReading {
  maxChars: number;
  signal: AbortSignal;
  heartbeat(): void;
}

/**
 * A file's text, up to `maxChars`; null when it has none that can be read (binary content, a
 * corrupt or encrypted document): such a file is no evidence, not a reason to fail.
 */
export async function readText(filePath: string, format: TextFormat, reading: TextReading): Promise<string | null> {
  if (format === 'pdf') await loadPdfJs();
  try {
    if (format === 'text') return await textPrefix(filePath, reading.maxChars);
    if ((await stat(filePath)).size > MAX_PARSED_DOCUMENT_BYTES) return null;
    if (format === 'pdf') return await pdfText(new Uint8Array(await readFile(filePath)), reading);
    return await docxText(filePath, reading);
  } catch (error) {
    if (reading.signal.aborted) throw reading.signal.reason;
    const code = (error as NodeJS.ErrnoException).code;
    // The machine's own trouble (too many open files) must not pass for missing evidence.
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code) && code !== 'EACCES') throw error;
    return null;
  }
}

async function textPrefix(filePath: string, maxBytes: number): Promise<string | null> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(maxBytes, (await handle.stat()).size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const bytes = buffer.subarray(0, bytesRead);
    if (bytes.subarray(0, 8192).includes(0)) return null;
    return bytes.toString('utf8');
  } finally {
    await handle.close();
  }
}
