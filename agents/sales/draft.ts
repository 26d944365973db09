import { z } from 'zod';
import { AgentError } from '../sdk';

export const singleLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\r\n]*$/, 'a single line');

export const leadSchema = z.strictObject({
  name: singleLine(200).describe("The lead's full name, e.g. `Alex Kim`."),
  email: z.email().describe('Where the email goes.'),
  company: singleLine(200).optional().describe('The company the lead works for.'),
  role: singleLine(200).optional().describe("The lead's role, e.g. `Head of Platform`."),
  notes: z
    .string()
    .trim()
    .min(1)
    .max(2_000)
    .optional()
    .describe('Why you write now, addressed to the lead (e.g. `Congratulations on the Series B.`): the draft quotes it as written.'),
});
export type Lead = z.output<typeof leadSchema>;

export const TONES = ['friendly', 'formal', 'direct'] as const;
export type Tone = (typeof TONES)[number];

export const PLACEHOLDERS = ['name', 'first_name', 'last_name', 'email', 'company', 'role', 'notes', 'sender'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];
type PlaceholderValues = Record<Placeholder, string | undefined>;

const PLACEHOLDER = /\{\{\s*([A-Za-z_]+)\s*\}\}/g;
// Where each placeholder's value comes from, to name what is missing.
const PLACEHOLDER_SOURCES: Record<Placeholder, string> = {
  name: 'lead.name',
  first_name: 'lead.name',
  last_name: 'a last name in lead.name',
  email: 'lead.email',
  company: 'lead.company',
  role: 'lead.role',
  notes: 'lead.notes',
  sender: 'sender_name',
};
export const placeholderList = PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ');

export interface DraftRequest {
  lead: Lead;
  tone: Tone;
  /** The body, with placeholders; replaces the tone's body. */
  template?: string;
  /** The subject, with placeholders; replaces the tone's subject. */
  subject?: string;
  sender_name?: string;
}

export interface EmailDraft {
  to: string;
  subject: string;
  body: string;
}

export function placeholderValues(lead: Lead, senderName: string | undefined): PlaceholderValues {
  const [firstName, ...rest] = lead.name.split(/\s+/);
  return {
    name: lead.name,
    first_name: firstName,
    last_name: rest.length > 0 ? rest.join(' ') : undefined,
    email: lead.email,
    company: lead.company,
    role: lead.role,
    notes: lead.notes,
    sender: senderName,
  };
}

/** What keeps `text` from being filled in: unknown placeholders, and ones the lead gives no value for. */
export function placeholderProblems(text: string, values: PlaceholderValues): string[] {
  const problems = new Set<string>();
  for (const [, name] of text.matchAll(PLACEHOLDER)) {
    if (!isPlaceholder(name!)) problems.add(`{{${name}}} is not a placeholder; use ${placeholderList}`);
    else if (values[name] === undefined) problems.add(`{{${name}}} needs ${PLACEHOLDER_SOURCES[name]}`);
  }
  return [...problems];
}

function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

function fill(text: string, values: PlaceholderValues): string {
  const problems = placeholderProblems(text, values);
  if (problems.length > 0) throw new AgentError('invalid_template', `Cannot fill in the template: ${problems.join('; ')}`);
  return text.replace(PLACEHOLDER, (_match, name: Placeholder) => values[name]!);
}

interface ToneDraft {
  subject: string;
  greeting: string;
  paragraphs: string[];
  signOff: string;
}

/** The built-in outreach, one per tone; each sentence adapts to the lead fields given. */
const TONE_DRAFTS: Record<Tone, (lead: Lead, firstName: string) => ToneDraft> = {
  friendly: ({ company, role }, firstName) => ({
    subject: `AI readiness tooling for ${company ?? 'your team'}`,
    greeting: `Hi ${firstName},`,
    paragraphs: [
      `I'm reaching out because ${company ?? 'your team'} is probably being asked how ready its AI systems are for the EU AI Act and the NIST AI RMF` +
        `${role ? `, and as ${role} that question likely lands on your desk` : ''}. ` +
        'We read the evidence you already have (model cards, policies, CI, docs) and show the gaps, ranked, within a day.',
      'Would a 20-minute call next week be useful?',
    ],
    signOff: 'Cheers,',
  }),
  formal: ({ name, company, role }) => ({
    subject: `Introduction: AI readiness assessment${company ? ` for ${company}` : ''}`,
    greeting: `Dear ${name},`,
    paragraphs: [
      `I am writing to introduce our AI readiness assessment${company ? ` for ${company}` : ''}. ` +
        'It reviews existing documentation, model cards and controls against the EU AI Act and the NIST AI Risk Management Framework, ' +
        'and delivers a prioritised list of gaps with remediation steps.' +
        `${role ? ` Given your role as ${role}, I thought it may be of interest.` : ''}`,
      'Would you be available for a short call at your convenience?',
    ],
    signOff: 'Kind regards,',
  }),
  direct: ({ company, role }, firstName) => ({
    subject: `EU AI Act gaps${company ? ` at ${company}` : ''}, found in a day`,
    greeting: `${firstName},`,
    paragraphs: [
      `We find the EU AI Act and NIST AI RMF gaps in ${company ? `the AI systems at ${company}` : 'your AI systems'} from the evidence you already have, ` +
        `ranked by severity, each with its fix.${role ? ` As ${role}, you get the report before an auditor asks for it.` : ''}`,
      '20 minutes next week?',
    ],
    signOff: 'Thanks,',
  }),
};

/**
 * A personalised outreach email, from the lead's data alone (deterministic: the same request
 * gives the same draft). A template and a subject replace the tone's body and subject; the
 * lead's notes open the tone's body as written.
 */
export function buildEmailDraft(request: DraftRequest): EmailDraft {
  const values = placeholderValues(request.lead, request.sender_name);
  const tone = TONE_DRAFTS[request.tone](request.lead, values.first_name!);
  const signature = request.sender_name ? `${tone.signOff}\n${request.sender_name}` : tone.signOff;
  const body = request.template
    ? fill(request.template, values)
    : [tone.greeting, ...(request.lead.notes ? [request.lead.notes] : []), ...tone.paragraphs, signature].join('\n\n');
  return { to: request.lead.email, subject: request.subject ? fill(request.subject, values) : tone.subject, body };
}
