/** The parts of an inbound message a rule matches and a template uses. */
export interface InboundMessage {
  from: string;
  subject: string | null;
  text: string;
  /** IDs of the stored attachments. */
  attachments: string[];
}

/** Per field: a case-insensitive substring, or `/regex/flags`. */
export type RuleMatch = Partial<Record<'from' | 'subject' | 'text', string>>;

const REGEX_LITERAL = /^\/(.+)\/([dgimsuvy]*)$/s;

/** The pattern of a `/regex/flags` match, or null for a plain substring. Throws on a regex that does not compile. */
export function regexOf(pattern: string): RegExp | null {
  const literal = REGEX_LITERAL.exec(pattern);
  // Stateless testing: a global or sticky regex would remember where it last matched.
  return literal ? new RegExp(literal[1]!, literal[2]!.replace(/[gy]/g, '')) : null;
}

/** Whether every field the rule names matches the message (a rule naming none matches all). */
export function ruleMatches(match: RuleMatch, message: InboundMessage): boolean {
  return (Object.entries(match) as [keyof RuleMatch, string][]).every(([field, pattern]) => {
    const value = message[field] ?? '';
    const regex = regexOf(pattern);
    return regex ? regex.test(value) : value.toLowerCase().includes(pattern.toLowerCase());
  });
}

const PLACEHOLDER = /\{\{\s*(from|subject|text)\s*\}\}/g;
const ATTACHMENTS = /^\{\{\s*attachments\s*\}\}$/;

/**
 * A rule's task input: the template with `{{from}}`, `{{subject}}` and `{{text}}` filled into its
 * strings, and a string that is just `{{attachments}}` replaced by the attachments' file IDs.
 * Without a template: `{from, subject, text, attachments}`.
 */
export function renderInput(template: Record<string, unknown> | null, message: InboundMessage): Record<string, unknown> {
  if (template === null) return { from: message.from, subject: message.subject, text: message.text, attachments: message.attachments };
  const render = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (ATTACHMENTS.test(value)) return message.attachments;
      return value.replace(PLACEHOLDER, (_whole, field: 'from' | 'subject' | 'text') => message[field] ?? '');
    }
    if (Array.isArray(value)) return value.map(render);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, render(item)]));
    return value;
  };
  return render(template) as Record<string, unknown>;
}
