import { type Child, h } from './dom.js';

/**
 * JSON as a readable tree: objects and arrays are disclosure widgets (open to two levels), scalars
 * are shown by type. Keys and strings are text nodes, whatever they contain.
 */
export function jsonTree(value: unknown, label = 'JSON'): HTMLElement {
  return h('div', { class: 'json-tree', role: 'group', 'aria-label': label }, node(value, null, 0));
}

function node(value: unknown, key: string | null, depth: number): Child {
  const name = key === null ? null : h('span', { class: 'json-key' }, `${key}: `);
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
    const summary = Array.isArray(value) ? `[${entries.length} ${entries.length === 1 ? 'item' : 'items'}]` : `{${entries.length} ${entries.length === 1 ? 'field' : 'fields'}}`;
    if (entries.length === 0) return h('div', { class: 'json-leaf' }, name, h('span', { class: 'json-empty' }, Array.isArray(value) ? '[]' : '{}'));
    return h(
      'details',
      { class: 'json-branch', open: depth < 2 },
      h('summary', {}, name, h('span', { class: 'json-summary' }, summary)),
      h('ul', {}, entries.map(([childKey, child]) => h('li', {}, node(child, childKey, depth + 1)))),
    );
  }
  return h('div', { class: 'json-leaf' }, name, scalar(value));
}

function scalar(value: unknown): HTMLElement {
  if (typeof value === 'string') return h('span', { class: 'json-string' }, JSON.stringify(value));
  if (typeof value === 'number') return h('span', { class: 'json-number' }, String(value));
  if (typeof value === 'boolean') return h('span', { class: 'json-boolean' }, String(value));
  return h('span', { class: 'json-null' }, 'null');
}
