/** "1.", "2)", "1.2", "1.2.", "Q3", "Question 4:" at the start of a line, then the text. */
const NUMBERED = /^(?:(?:q|question)\s*(\d{1,3}(?:\.\d{1,3})*)[.):]?|(\d{1,3}(?:\.\d{1,3})+)[.):]?|(\d{1,3})[.)])\s+(\S.*)$/i;
const BULLET = /^[-*•]\s+/;
const MAX_QUESTION_CHARS = 1000;

interface Item {
  number: string | null;
  text: string;
}

/**
 * The questions in a document's text: numbered lines (with the lines they wrap onto) and lines
 * ending with "?". A numbered line followed by its own sub-items ("2." then "2.1") is a section
 * heading, not a question.
 */
export function questionsInText(text: string): string[] {
  const items: Item[] = [];
  let wrapping: Item | null = null;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/\s+/g, ' ').trim().replace(BULLET, '');
    if (line === '') {
      wrapping = null;
      continue;
    }
    const numbered = NUMBERED.exec(line);
    if (numbered) {
      const item = { number: numbered[1] ?? numbered[2] ?? numbered[3]!, text: numbered[4]! };
      items.push(item);
      wrapping = item.text.endsWith('?') ? null : item;
    } else if (wrapping && continues(wrapping.text, line)) {
      wrapping.text = `${wrapping.text} ${line}`.slice(0, MAX_QUESTION_CHARS);
      if (line.endsWith('?')) wrapping = null;
    } else {
      wrapping = null;
      if (line.endsWith('?') && line.length >= 8) items.push({ number: null, text: line });
    }
  }
  return items.filter((item, index) => !isSectionHeading(item, items[index + 1])).map((item) => item.text);
}

/** A wrapped line goes on mid-sentence: it starts in lower case, or the text before it breaks off. */
function continues(text: string, line: string): boolean {
  return /^[a-z(]/.test(line) || /[,;:(-]$/.test(text);
}

function isSectionHeading(item: Item, next: Item | undefined): boolean {
  return item.number !== null && !item.text.endsWith('?') && next?.number?.startsWith(`${item.number}.`) === true;
}

/** Questions in JSON: an array (or `{questions: [...]}`) of strings or of objects with `question`; null if it is not that. */
export function questionsInJson(value: unknown): string[] | null {
  const list = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.questions) ? value.questions : null;
  if (!list) return null;
  return list
    .map((item: unknown) => (typeof item === 'string' ? item : isObject(item) && typeof item.question === 'string' ? item.question : ''))
    .map((question) => question.trim())
    .filter((question) => question !== '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
