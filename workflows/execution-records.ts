// Pure helpers for the records a task keeps of its executions, shared by the task workflow and
// the agent activity that records a completion itself. Bundled into the workflow sandbox.
import type { Execution, TokenUsage } from './model';

const SUMMARY_LENGTH = 280;

/** What an execution returned, short enough to list: its output as JSON, cut to a tweet. */
export function summarizeOutput(output: Record<string, unknown>): string {
  const characters = [...cleanText(JSON.stringify(output))];
  return characters.length <= SUMMARY_LENGTH ? characters.join('') : `${characters.slice(0, SUMMARY_LENGTH - 1).join('')}…`;
}

/** Agent-supplied text as PostgreSQL can store it: well-formed UTF-16, no NUL characters. */
export function cleanText(text: string): string {
  return text.toWellFormed().replaceAll('\u0000', '\uFFFD');
}

/** The executions with the running one closed (with the model tokens it used, if any). */
export function closeRunningExecution(executions: Execution[], status: Execution['status'], summary: string, at: string, usage?: TokenUsage): Execution[] {
  return executions.map((execution) =>
    execution.status === 'running' ? { ...execution, status, completed_at: at, output_summary: summary, ...(usage && { usage }) } : execution,
  );
}
