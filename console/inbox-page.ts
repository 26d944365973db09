import { type Schemas, answered, failureMessage } from './api.js';
import { artifactView } from './artifact-view.js';
import { h, show, time, uniqueId } from './dom.js';
import { refreshOnEvents } from './event-stream.js';
import type { Page, PageContext } from './page.js';
import { taskName } from './task-status.js';

type Approval = Schemas['Approval'];

// The inbox shows at most this many pages of 100 approvals; deciding makes room for the next.
const INBOX_PAGES = 5;

/**
 * Pending approvals, oldest first, each with its task and what it asks to approve; approve or deny
 * with a comment. Live: approvals requested or resolved elsewhere appear and disappear as they
 * happen, and a card being written in keeps its comment.
 */
export const renderInbox: Page = (context) => {
  const { session, container } = context;
  const list = h('ol', { class: 'approvals', 'aria-label': 'Pending approvals' });
  const empty = h('p', { class: 'empty', hidden: true }, 'Nothing is waiting for a decision.');
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const heading = h('h1', { tabindex: -1 }, 'Approvals');
  show(container, heading, h('p', { class: 'lead' }, 'Pending decisions, oldest first. Approve or deny with a comment; the agent continues at once.'), error, empty, list);
  const cards = new Map<string, HTMLElement>();
  let loaded = false;

  const refresh = async () => {
    try {
      const pending: Approval[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < INBOX_PAGES; page++) {
        const answer = answered(await session.api.GET('/v1/approvals', { params: { query: { status: 'pending', limit: 100, cursor } } }));
        pending.push(...answer.approvals);
        if (!answer.next_cursor) break;
        cursor = answer.next_cursor;
      }
      error.hidden = true;
      const ids = new Set(pending.map((approval) => approval.approval_id));
      for (const id of cards.keys()) if (!ids.has(id)) removeCard(id);
      // Cards already shown stay where they are (a moved element loses focus and selection).
      pending.forEach((approval, index) => {
        let card = cards.get(approval.approval_id);
        if (!card) {
          card = approvalCard(context, approval, () => removeCard(approval.approval_id));
          cards.set(approval.approval_id, card);
          if (loaded) context.announce(`New approval: ${approval.title}`);
        }
        if (list.children[index] !== card) list.insertBefore(card, list.children[index] ?? null);
      });
      empty.hidden = pending.length > 0;
      loaded = true;
    } catch (failure) {
      error.textContent = failureMessage(failure);
      error.hidden = false;
    }
  };

  /**
   * Takes a decided approval's card away (decided here or elsewhere); if focus was in it, it moves
   * to the next card, so a keyboard user goes on from there.
   */
  function removeCard(approvalId: string): void {
    const card = cards.get(approvalId);
    if (!card) return;
    const hadFocus = card.contains(document.activeElement);
    const next = (card.nextElementSibling ?? card.previousElementSibling) as HTMLElement | null;
    card.remove();
    cards.delete(approvalId);
    empty.hidden = cards.size > 0;
    if (hadFocus) (next?.querySelector<HTMLElement>('h2') ?? heading).focus();
  }

  const stop = refreshOnEvents({
    apiKey: session.apiKey,
    filters: { types: 'approval.requested,approval.resolved' },
    refresh: () => void refresh(),
    delayMs: 150,
    showStreamState: context.showStreamState,
  });
  void refresh();
  return stop;
};

function approvalCard(context: PageContext, approval: Approval, onDecided: () => void): HTMLElement {
  const { session } = context;
  const headingId = uniqueId('approval');
  const commentId = uniqueId('comment');
  const taskLine = h('p', { class: 'meta' }, 'Task ', h('a', { href: `#/tasks/${encodeURIComponent(approval.task_id)}` }, approval.task_id));
  const subject = h('div', { class: 'approval-subject' });
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const comment = h('textarea', { id: commentId, name: 'comment', rows: 2, maxlength: 5000 });
  const approve = h('button', { type: 'submit', class: 'primary' }, 'Approve');
  const deny = h('button', { type: 'button', class: 'danger' }, 'Deny');

  const decide = async (decision: 'approve' | 'deny') => {
    approve.disabled = deny.disabled = true;
    error.hidden = true;
    try {
      const body = comment.value.trim() ? { comment: comment.value.trim() } : {};
      const path = decision === 'approve' ? '/v1/approvals/{id}/approve' : '/v1/approvals/{id}/deny';
      const result = answered(await session.api.POST(path, { params: { path: { id: approval.approval_id } }, body }));
      context.announce(`${decision === 'approve' ? 'Approved' : 'Denied'}: ${approval.title}. The task is ${result.task_status.replace(/_/g, ' ')}.`);
      onDecided();
    } catch (failure) {
      error.textContent = failureMessage(failure);
      error.hidden = false;
      approve.disabled = deny.disabled = false;
    }
  };
  deny.addEventListener('click', () => void decide('deny'));

  void loadSubject(context, approval, taskLine, subject);
  return h(
    'li',
    {},
    h(
      'article',
      { class: 'card approval', 'aria-labelledby': headingId },
      h('h2', { id: headingId, tabindex: -1 }, approval.title),
      taskLine,
      h('p', { class: 'meta' }, 'Requested ', time(approval.requested_at), approval.expires_at ? [' · expires ', time(approval.expires_at)] : null),
      approval.description ? h('p', {}, approval.description) : null,
      subject,
      h(
        'form',
        {
          class: 'decision',
          onsubmit: (event: Event) => {
            event.preventDefault();
            void decide('approve');
          },
        },
        h('label', { for: commentId }, 'Comment (optional)'),
        comment,
        h('div', { class: 'actions' }, approve, deny),
        error,
      ),
    ),
  );
}

/** The task's name and agent, and the artifact to approve, rendered as what it is. */
async function loadSubject(context: PageContext, approval: Approval, taskLine: HTMLElement, subject: HTMLElement): Promise<void> {
  const { api } = context.session;
  try {
    const [task, artifact] = await Promise.all([
      api.GET('/v1/tasks/{id}', { params: { path: { id: approval.task_id } } }),
      approval.artifact_id ? api.GET('/v1/artifacts/{id}', { params: { path: { id: approval.artifact_id } } }) : null,
    ]);
    if (task.data) {
      const link = h('a', { href: `#/tasks/${encodeURIComponent(task.data.task_id)}` }, taskName(task.data));
      show(taskLine, 'Task ', link, ` · agent ${task.data.agent} · `, h('code', {}, task.data.task_id));
    }
    if (artifact) subject.replaceChildren(artifactView(answered(artifact)));
  } catch (failure) {
    subject.replaceChildren(h('p', { class: 'error' }, `What is to be approved could not be read: ${failureMessage(failure)}`));
  }
}
