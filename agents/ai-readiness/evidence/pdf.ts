type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs', { with: { 'resolution-mode': 'import' } });

let pdfjs: Promise<PdfJs> | undefined;

/**
 * pdf.js, loaded once (it is ESM only). Callers that forgive unreadable documents load it first:
 * a parser that cannot load is a broken installation, not a broken document.
 */
export function loadPdfJs(): Promise<PdfJs> {
  return (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
}

/** A PDF's text, a line per text line and a blank line per page, up to `maxChars`. */
export async function pdfText(data: Uint8Array, options: { maxChars: number; heartbeat(): void }): Promise<string> {
  const { getDocument } = await loadPdfJs();
  // No eval, no system fonts: the PDF is untrusted input, and only its text is wanted.
  const loading = getDocument({ data, isEvalSupported: false, useSystemFonts: false, verbosity: 0 });
  try {
    const pdf = await loading.promise;
    let text = '';
    for (let pageNumber = 1; pageNumber <= pdf.numPages && text.length < options.maxChars; pageNumber++) {
      options.heartbeat();
      const page = await pdf.getPage(pageNumber);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      text += '\n\n';
      page.cleanup();
    }
    return text.slice(0, options.maxChars);
  } finally {
    await loading.destroy();
  }
}
