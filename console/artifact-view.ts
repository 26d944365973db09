import type { Schemas } from './api.js';
import { type Child, h, statusBadge } from './dom.js';
import { jsonTree } from './json-tree.js';
import { renderMarkdown } from './markdown.js';

type Artifact = Schemas['Artifact'];

/** Files up to this size are previewed as soon as they are shown. */
const PREVIEW_MAX_BYTES = 2 * 1024 * 1024;

/**
 * An artifact as a person judges it: an email draft as an email, structured data as a JSON tree,
 * a file previewed by its type (text, JSON, Markdown, image, PDF), each with its download.
 */
export function artifactView(artifact: Artifact): HTMLElement {
  const headingId = `artifact-${artifact.artifact_id}`;
  const body = h('div', { class: 'artifact-body' });
  const email = emailDraftOf(artifact.data);
  if (email) body.append(emailView(email));
  else if (artifact.data !== null && artifact.data !== undefined) body.append(jsonTree(artifact.data, `Data of ${artifact.display_name}`));
  if (artifact.signed_url) body.append(filePreview(artifact, downloadPath(artifact.signed_url)));

  return h(
    'section',
    { class: 'artifact', 'aria-labelledby': headingId },
    h('h3', { id: headingId }, artifact.display_name),
    h(
      'p',
      { class: 'meta' },
      h('code', {}, artifact.type),
      ` · ${artifact.mime_type} · ${formatBytes(artifact.size_bytes)}`,
      artifact.approval_status !== 'not_required' ? [' · ', statusBadge(artifact.approval_status)] : null,
    ),
    body,
    h('p', { class: 'actions' }, downloadControl(artifact)),
  );
}

interface EmailDraft {
  to: string;
  subject: string;
  body: string;
}

function emailDraftOf(data: unknown): EmailDraft | null {
  if (typeof data !== 'object' || data === null) return null;
  const { to, subject, body } = data as Record<string, unknown>;
  return typeof to === 'string' && typeof subject === 'string' && typeof body === 'string' ? { to, subject, body } : null;
}

function emailView(email: EmailDraft): HTMLElement {
  return h(
    'article',
    { class: 'email', 'aria-label': `Email draft to ${email.to}` },
    h('dl', { class: 'email-headers' }, h('dt', {}, 'To'), h('dd', {}, email.to), h('dt', {}, 'Subject'), h('dd', {}, email.subject)),
    h('div', { class: 'email-body' }, email.body),
  );
}

/**
 * A signed URL as a path of the server that served the console: signed URLs start with
 * PUBLIC_BASE_URL, which behind a proxy or in a test need not be the address this page has.
 */
function downloadPath(signedUrl: string): string {
  const url = new URL(signedUrl, location.origin);
  return `${url.pathname}${url.search}`;
}

function downloadControl(artifact: Artifact): Child {
  if (artifact.signed_url) {
    return h('a', { class: 'button', href: downloadPath(artifact.signed_url), download: artifact.display_name }, `Download ${artifact.display_name}`);
  }
  if (artifact.data === null || artifact.data === undefined) return null;
  // Structured artifacts have no file: the download is their data, as JSON.
  return h(
    'button',
    {
      type: 'button',
      onclick: () => {
        const blob = new Blob([JSON.stringify(artifact.data, null, 2)], { type: 'application/json' });
        const link = h('a', { href: URL.createObjectURL(blob), download: jsonFileName(artifact.display_name) });
        link.click();
        setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      },
    },
    `Download ${jsonFileName(artifact.display_name)}`,
  );
}

const jsonFileName = (name: string) => (name.endsWith('.json') ? name : `${name}.json`);

function filePreview(artifact: Artifact, path: string): HTMLElement {
  const preview = h('div', { class: 'preview' });
  if (artifact.size_bytes > PREVIEW_MAX_BYTES) {
    preview.append(h('p', { class: 'muted' }, 'Too large to preview here; download it.'));
    return preview;
  }
  const kind = previewKind(artifact.mime_type);
  if (!kind) {
    preview.append(h('p', { class: 'muted' }, `No preview for ${artifact.mime_type}; download it.`));
    return preview;
  }
  preview.append(h('p', { class: 'muted' }, 'Loading preview…'));
  void fetch(path, { cache: 'no-store' })
    .then(async (response) => {
      if (!response.ok) throw new Error(`the download answered ${response.status}`);
      preview.replaceChildren(await previewOf(kind, response, artifact));
    })
    .catch((error: unknown) => preview.replaceChildren(h('p', { class: 'muted' }, `No preview: ${error instanceof Error ? error.message : String(error)}.`)));
  return preview;
}

type PreviewKind = 'text' | 'json' | 'markdown' | 'image' | 'pdf';

function previewKind(mimeType: string): PreviewKind | null {
  const type = mimeType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type === 'text/markdown') return 'markdown';
  if (type === 'application/pdf') return 'pdf';
  // SVG is left out: as an image it cannot run script, but there is nothing to gain from the risk.
  if (type.startsWith('image/') && type !== 'image/svg+xml') return 'image';
  if (type.startsWith('text/') || type === 'application/xml' || type === 'application/x-ndjson') return 'text';
  return null;
}

async function previewOf(kind: PreviewKind, response: Response, artifact: Artifact): Promise<Node> {
  const label = `Preview of ${artifact.display_name}`;
  switch (kind) {
    case 'text':
      return h('pre', { class: 'text-preview', tabindex: 0, 'aria-label': label }, await response.text());
    case 'markdown':
      return h('div', { role: 'group', 'aria-label': label }, renderMarkdown(await response.text()));
    case 'json': {
      const text = await response.text();
      try {
        return jsonTree(JSON.parse(text), label);
      } catch {
        return h('pre', { class: 'text-preview', tabindex: 0, 'aria-label': label }, text);
      }
    }
    case 'image':
      return h('img', { src: URL.createObjectURL(await response.blob()), alt: label });
    case 'pdf':
      return h('iframe', { class: 'pdf-preview', title: label, src: URL.createObjectURL(new Blob([await response.arrayBuffer()], { type: 'application/pdf' })) });
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
