/**
 * Building the page: elements from a tag, attributes and children, where every string becomes a
 * text node. Nothing the API returns is ever parsed as markup.
 */
export type Child = Node | string | number | null | undefined | false;
type AttributeValue = string | number | boolean | null | undefined;
type Attributes = Record<string, AttributeValue | ((event: Event) => void)>;

export function h<Tag extends keyof HTMLElementTagNameMap>(tag: Tag, attributes: Attributes = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[Tag] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function show(parent: Element, ...children: (Child | Child[])[]): void {
  parent.replaceChildren();
  append(parent, children);
}

let nextId = 0;
/** A document-unique id, for labels and descriptions. */
export const uniqueId = (prefix: string) => `${prefix}-${++nextId}`;

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A `<time>` showing a timestamp in the reader's locale. */
export function time(iso: string | null | undefined): Child {
  if (!iso) return null;
  return h('time', { datetime: iso }, dateTime.format(new Date(iso)));
}

export function statusBadge(status: string): HTMLElement {
  return h('span', { class: `badge status-${status}` }, status.replace(/_/g, ' '));
}
