import type { AgentContext, AgentResult } from '../../sdk';
import { withEvidenceTree } from '../evidence/source';
import type { QuestionnaireInput } from '../inputs';
import { draftAnswers } from './answers';
import { indexEvidence } from './evidence-index';
import { filledInQuestionnaire } from './filled-in';
import { readQuestionnaire } from './read';

/** `questionnaire.respond`: find the questionnaire's questions and answer each from the evidence. */
export async function respondToQuestionnaire(context: AgentContext, input: QuestionnaireInput): Promise<AgentResult> {
  const questionnaire = await context.step('read questionnaire', async () => {
    await context.progress(0.02, 'Reading the questionnaire');
    return readQuestionnaire(context, input);
  });
  const grounded = await context.step('search the evidence', async () => {
    await context.progress(0.1, `Indexing the evidence for ${questionnaire.questions.length} questions`);
    return withEvidenceTree(context, input.source, async (tree) => {
      const index = await indexEvidence(context, tree);
      await context.progress(0.8, `Answering from ${index.filesIndexed} documents`);
      return {
        source: tree.source,
        filesIndexed: index.filesIndexed,
        truncated: index.truncated,
        answers: questionnaire.questions.map((question) => index.answer(question)),
      };
    });
  });
  await context.progress(0.95, 'Writing the answers');
  const answers = draftAnswers(questionnaire.questions, grounded.answers);
  const answered = answers.filter((answer) => answer.citations.length > 0).length;
  const responseId = await context.emitArtifact({
    type: 'ai_readiness.questionnaire_response',
    displayName: `${questionnaire.name}-answers.json`,
    mimeType: 'application/json',
    data: {
      questionnaire: { name: questionnaire.name, format: questionnaire.format, questions: answers.length },
      answers,
      confidence_scores: Object.fromEntries(answers.map((answer) => [answer.id, answer.confidence])),
      answered,
      unanswered: answers.length - answered,
      evidence: { source: grounded.source, files_indexed: grounded.filesIndexed, truncated: grounded.truncated },
    },
  });
  const documentId = await context.emitArtifact({ type: 'ai_readiness.questionnaire_document', ...filledInQuestionnaire(questionnaire, answers) });
  return { output: { response_artifact_id: responseId, document_artifact_id: documentId, questions: answers.length, answered } };
}
