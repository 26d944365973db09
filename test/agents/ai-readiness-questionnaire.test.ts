import { aiReadinessAgent } from '../../agents/ai-readiness';
import { AgentError } from '../../agents/sdk';
import { parseCsv } from '../../agents/ai-readiness/questionnaire/csv';
import { questionsInJson, questionsInText } from '../../agents/ai-readiness/questionnaire/questions';
import { fakeAgentContext } from '../support/fake-agent-context';
import { acmeEvidence, docxOf, fakeFiles, fetched, pdfOf, runTask, zipOf } from './ai-readiness-fixtures';

type Response = {
  questionnaire: { name: string; format: string; questions: number };
  answers: { id: string; question: string; answer: string; confidence: number; citations: { file: string; excerpt: string }[] }[];
  confidence_scores: Record<string, number>;
  answered: number;
  unanswered: number;
  evidence: { files_indexed: number; truncated: boolean };
};

const QUESTIONS = [
  'Do you perform human oversight of model outputs?',
  'What is your data retention period for training data?',
  'How quickly are production incidents triaged?',
  'Do you offset the carbon emissions of your GPU clusters?',
];

async function evidenceUploads() {
  const evidence = await acmeEvidence();
  return [{ id: 'file_evidence', name: 'acme.zip', content: await zipOf(Object.entries(evidence).map(([name, content]) => ({ name, content }))), purpose: 'evidence' }];
}

async function respond(options: Parameters<typeof fakeAgentContext>[0], input: Record<string, unknown>) {
  const context = fakeAgentContext(options);
  const output = await runTask('questionnaire.respond', context, input);
  const response = context.emitted.find((artifact) => artifact.type === 'ai_readiness.questionnaire_response')!;
  const document = context.emitted.find((artifact) => artifact.type === 'ai_readiness.questionnaire_document')!;
  return { context, output, response: response.data as unknown as Response, document };
}

describe('questionnaire.respond', () => {
  it('answers a PDF questionnaire from the evidence, citing the files that hold each answer', async () => {
    const pdf = await pdfOf(['Vendor AI questionnaire', '1. Governance', ...QUESTIONS.map((question, index) => `1.${index + 1} ${question}`)]);
    const fetchedUrls: string[] = [];
    const fetch = async (url: string) => {
      fetchedUrls.push(url);
      return fetched('questionnaire.pdf', 'application/pdf', pdf);
    };
    const { response, output, document } = await respond({ fetch, files: fakeFiles(await evidenceUploads()) }, { document_url: 'https://buyer.example/questionnaire.pdf' });

    expect(fetchedUrls).toEqual(['https://buyer.example/questionnaire.pdf']);
    expect(response.answers.map((answer) => answer.question)).toEqual(QUESTIONS);
    const [oversight, retention, incidents, carbon] = response.answers;
    expect(oversight!.citations).toEqual([
      {
        file: 'acme.zip/docs/oversight.md',
        excerpt: 'Human oversight: Every score that leads to a rejection is reviewed by a human reviewer before the applicant is told.',
      },
    ]);
    expect(oversight!.confidence).toBe(0.6);
    expect(retention!.citations.map((citation) => citation.file)).toEqual(['acme.zip/policies/retention.pdf']);
    expect(retention!.citations[0]!.excerpt).toContain('Training data is retained for 36 months');
    expect(incidents!.citations).toEqual([
      { file: 'acme.zip/docs/incident-response.docx', excerpt: 'Production incidents are triaged within 4 hours by the on-call engineer.' },
    ]);
    expect(incidents!.answer).toBe('According to acme.zip/docs/incident-response.docx: "Production incidents are triaged within 4 hours by the on-call engineer."');
    expect(carbon).toEqual({ id: 'q4', question: QUESTIONS[3], answer: 'No evidence found.', confidence: 0, citations: [] });
    expect(response.answers.map((answer) => answer.confidence)).toEqual([0.6, 0.75, 0.75, 0]);

    expect(response.confidence_scores).toEqual(Object.fromEntries(response.answers.map((answer) => [answer.id, answer.confidence])));
    expect(response).toMatchObject({ questionnaire: { name: 'questionnaire.pdf', format: 'pdf', questions: 4 }, answered: 3, unanswered: 1 });
    expect(output).toMatchObject({ questions: 4, answered: 3 });
    expect(document.mimeType).toBe('text/markdown');
    const markdown = document.content!.toString('utf8');
    expect(markdown).toContain('## 4. Do you offset the carbon emissions of your GPU clusters?\n\nNo evidence found.\n\nConfidence: 0');
    expect(markdown).toContain('Sources: `acme.zip/docs/oversight.md`');
  });

  it('fills a CSV questionnaire\'s answer columns, keeping its rows and columns', async () => {
    const csv = [
      'ID,Question,Owner',
      `A1,"${QUESTIONS[0]}",Risk`,
      'A2,,Nobody',
      `A3,"${QUESTIONS[2]}",Security`,
      `A4,${QUESTIONS[3]},Facilities`,
    ].join('\r\n');
    const files = fakeFiles([...(await evidenceUploads()), { id: 'file_csv', name: 'buyer.csv', content: Buffer.from(csv), mimeType: 'text/csv', purpose: 'questionnaire' }]);
    const { response, document } = await respond({ files }, { file_id: 'file_csv' });

    expect(response.answers.map((answer) => [answer.question, answer.citations.map((citation) => citation.file)])).toEqual([
      [QUESTIONS[0], ['acme.zip/docs/oversight.md']],
      [QUESTIONS[2], ['acme.zip/docs/incident-response.docx']],
      [QUESTIONS[3], []],
    ]);
    expect(document).toMatchObject({ displayName: 'buyer-answers.csv', mimeType: 'text/csv' });
    const rows = parseCsv(document.content!.toString('utf8'));
    expect(rows[0]).toEqual(['ID', 'Question', 'Owner', 'answer', 'confidence', 'sources']);
    expect(rows.map((row) => [row[0], row[2], row[5]])).toEqual([
      ['ID', 'Owner', 'sources'],
      ['A1', 'Risk', 'acme.zip/docs/oversight.md'],
      ['A2', 'Nobody', ''],
      ['A3', 'Security', 'acme.zip/docs/incident-response.docx'],
      ['A4', 'Facilities', ''],
    ]);
    expect(rows[4]![3]).toBe('No evidence found.');
    expect(rows[4]![4]).toBe('0');
    expect(rows[1]![3]).toContain('reviewed by a human reviewer');
  });

  it('reads a DOCX and a JSON questionnaire, with evidence named by source', async () => {
    const files = fakeFiles([
      ...(await evidenceUploads()),
      { id: 'file_docx', name: 'questions.docx', content: await docxOf(['Security review', QUESTIONS[2]!, QUESTIONS[3]!]) },
      { id: 'file_json', name: 'questions.json', content: Buffer.from(JSON.stringify([{ question: QUESTIONS[0] }, QUESTIONS[3]])) },
    ]);
    const fromDocx = await respond({ files }, { file_id: 'file_docx', source: 'file_evidence' });
    expect(fromDocx.response.answers.map((answer) => [answer.question, answer.citations.length])).toEqual([
      [QUESTIONS[2], 1],
      [QUESTIONS[3], 0],
    ]);
    const fromJson = await respond({ files }, { file_id: 'file_json', source: { file_ids: ['file_evidence'] } });
    expect(fromJson.response.questionnaire.format).toBe('json');
    expect(fromJson.response.answers.map((answer) => answer.citations.map((citation) => citation.file))).toEqual([['acme.zip/docs/oversight.md'], []]);
  });

  it('says "No evidence found" to every question when there is no evidence', async () => {
    const files = fakeFiles([{ id: 'file_q', name: 'q.txt', content: Buffer.from(QUESTIONS.join('\n')) }]);
    const { response } = await respond({ files }, { file_id: 'file_q' });
    expect(response.answers.map((answer) => [answer.answer, answer.confidence, answer.citations])).toEqual(QUESTIONS.map(() => ['No evidence found.', 0, []]));
    expect(response.evidence.files_indexed).toBe(0);
  });

  it('fails clearly on a document without questions and on one that cannot be read', async () => {
    const files = fakeFiles([
      { id: 'file_none', name: 'notes.txt', content: Buffer.from('Just some notes.\nNothing to ask.\n') },
      { id: 'file_bad', name: 'broken.pdf', content: Buffer.from('%PDF-1.7 but not really') },
    ]);
    const failure = (fileId: string) =>
      runTask('questionnaire.respond', fakeAgentContext({ files }), { file_id: fileId }).then(
        () => null,
        (error: AgentError) => error,
      );
    expect(await failure('file_none')).toMatchObject({ code: 'no_questions_found' });
    expect(await failure('file_bad')).toMatchObject({ code: 'questionnaire_unreadable' });
    const fetch = async (url: string) => {
      throw new AgentError('source_unreachable', `${url} answered 404`);
    };
    const unreachable = await runTask('questionnaire.respond', fakeAgentContext({ fetch }), { document_url: 'https://buyer.example/q.pdf' }).catch((error: AgentError) => error);
    expect(unreachable).toMatchObject({ code: 'source_unreachable', message: 'https://buyer.example/q.pdf answered 404' });
  });

  it('reads the questionnaire and searches the evidence in two recorded steps, not redone on resume', async () => {
    const files = fakeFiles([...(await evidenceUploads()), { id: 'file_q', name: 'q.txt', content: Buffer.from(QUESTIONS.join('\n')) }]);
    const first = fakeAgentContext({ files });
    const recorded = new Map<string, string>();
    first.step = async (name, work) => {
      const result = await work();
      recorded.set(name, JSON.stringify(result));
      return result;
    };
    await runTask('questionnaire.respond', first, { file_id: 'file_q' });
    expect([...recorded.keys()]).toEqual(['read questionnaire', 'search the evidence']);

    const resumed = fakeAgentContext();
    resumed.step = async <T>(name: string) => JSON.parse(recorded.get(name)!) as T;
    await runTask('questionnaire.respond', resumed, { file_id: 'file_q' });
    expect(resumed.emitted).toEqual(first.emitted);
  });

  it('takes exactly one of document_url and file_id', () => {
    const { input } = aiReadinessAgent.taskTypes['questionnaire.respond']!;
    expect(input.safeParse({ document_url: 'https://example.com/questionnaire.pdf' }).success).toBe(true);
    expect(input.safeParse({ file_id: 'file_1' }).success).toBe(true);
    expect(input.safeParse({}).success).toBe(false);
    expect(input.safeParse({ document_url: 'https://example.com/q.pdf', file_id: 'file_1' }).success).toBe(false);
    expect(input.safeParse({ document_url: 'file:///etc/passwd' }).success).toBe(false);
  });
});

describe('finding questions', () => {
  it('takes numbered lines with the lines they wrap onto, and lines ending with "?", but not section headings', () => {
    const text = [
      'Supplier questionnaire',
      '1. Data',
      '1.1 Describe your data retention',
      'policy for training data.',
      '1.2) Who owns the model?',
      '',
      'Q3: List your subprocessors',
      '- Is there an incident response plan?',
      'Thank you.',
    ].join('\n');
    expect(questionsInText(text)).toEqual([
      'Describe your data retention policy for training data.',
      'Who owns the model?',
      'List your subprocessors',
      'Is there an incident response plan?',
    ]);
  });

  it('reads JSON lists of strings or of objects with "question"', () => {
    expect(questionsInJson(['A?', { question: ' B? ' }, { other: 1 }])).toEqual(['A?', 'B?']);
    expect(questionsInJson({ questions: ['C?'] })).toEqual(['C?']);
    expect(questionsInJson({ nope: true })).toBeNull();
  });

  it('parses quoted CSV fields with commas, quotes and line breaks', () => {
    expect(parseCsv('a,b\r\n"1, one","say ""hi""\nthere"\n')).toEqual([
      ['a', 'b'],
      ['1, one', 'say "hi"\nthere'],
    ]);
    expect(parseCsv('id;question\n1;Why?\n')).toEqual([
      ['id', 'question'],
      ['1', 'Why?'],
    ]);
  });
});
