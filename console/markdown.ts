import { type Child, h } from './dom.js';

/**
 * A Markdown preview built from DOM nodes: headings, paragraphs, lists, quotes, fenced code, and
 * inline code, emphasis and http(s) links. Raw HTML in the source stays text, so a preview can
 * never run or load anything.
 */
export function renderMarkdown(source: string): HTMLElement {
  const root = h('div', { class: 'markdown' });
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (line.trim() === '') {
      index++;
      continue;
    }
    const fence = /^```/.exec(line);
    if (fence) {
      const code: string[] = [];
      index++;
      while (index < lines.length && !lines[index]!.startsWith('```')) code.push(lines[index++]!);
      index++;
      root.append(h('pre', {}, h('code', {}, code.join('\n'))));
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      // Headings inside a preview start at h3: the page's own outline stays intact.
      const level = Math.min(heading[1]!.length + 2, 6);
      root.append(h(`h${level}` as 'h3', {}, inline(heading[2]!)));
      index++;
      continue;
    }
    const listItem = /^\s*([-*+]|\d+[.)])\s+/;
    if (listItem.test(line)) {
      const ordered = /^\s*\d/.test(line);
      const list = h(ordered ? 'ol' : 'ul', {});
      while (index < lines.length && listItem.test(lines[index]!)) list.append(h('li', {}, inline(lines[index++]!.replace(listItem, ''))));
      root.append(list);
      continue;
    }
    if (line.startsWith('>')) {
      const quoted: string[] = [];
      while (index < lines.length && lines[index]!.startsWith('>')) quoted.push(lines[index++]!.replace(/^>\s?/, ''));
      root.append(h('blockquote', {}, inline(quoted.join(' '))));
      continue;
    }
    const paragraph = [line];
    index++;
    while (index < lines.length && lines[index]!.trim() !== '' && !/^(#{1,6}\s|```|>|\s*([-*+]|\d+[.)])\s)/.test(lines[index]!)) paragraph.push(lines[index++]!);
    root.append(h('p', {}, inline(paragraph.join(' '))));
  }
  return root;
}

const INLINE = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*]+)\*|_([^_]+)_|\[([^\]]+)\]\(([^)\s]+)\)/g;

function inline(text: string): Child[] {
  const parts: Child[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    parts.push(text.slice(last, match.index));
    const [, code, strong, em, underscored, linkText, href] = match;
    if (code !== undefined) parts.push(h('code', {}, code));
    else if (strong !== undefined) parts.push(h('strong', {}, strong));
    else if (em !== undefined || underscored !== undefined) parts.push(h('em', {}, em ?? underscored ?? ''));
    else if (linkText !== undefined && href !== undefined) parts.push(/^https?:\/\//i.test(href) ? h('a', { href, rel: 'noopener noreferrer', target: '_blank' }, linkText) : `${linkText} (${href})`);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}
