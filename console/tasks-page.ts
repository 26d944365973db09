import { type Schemas, answered, failureMessage } from './api.js';
import { h, statusBadge, time, uniqueId } from './dom.js';
import { refreshOnEvents } from './event-stream.js';
import type { Page } from './page.js';
import { TASK_EVENT_TYPES, TASK_STATUSES, taskName } from './task-status.js';

type Task = Schemas['TaskListItem'];
const PAGE_SIZE = 50;

/** The tenant's tasks, newest first: filters by status, agent, words and `mine`; live. */
export const renderTasks: Page = (context) => {
  const { session, container } = context;
  const field = (label: string, control: HTMLElement) => {
    control.id = uniqueId('filter');
    return h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
  };
  const search = h('input', { type: 'search', name: 'search', placeholder: 'Words in title or description' });
  const status = h('select', { name: 'status' }, h('option', { value: '' }, 'Any status'), TASK_STATUSES.map((value) => h('option', { value }, value.replace(/_/g, ' '))));
  const agent = h('select', { name: 'agent' }, h('option', { value: '' }, 'Any agent'));
  // `mine` means the key's user's tasks: a key that names no user has none (the API answers 400).
  const userEmail = session.me.api_key.user_email;
  const mineHint = h('span', { id: uniqueId('mine-hint'), class: 'hint' }, userEmail ? `owned by or assigned to ${userEmail}` : 'this key names no user');
  const mine = h('input', { type: 'checkbox', name: 'mine', id: uniqueId('mine'), disabled: !userEmail, 'aria-describedby': mineHint.id });
  const filters = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter tasks', onsubmit: (event: Event) => (event.preventDefault(), void refresh()) },
    field('Search', search),
    field('Status', status),
    field('Agent', agent),
    h('div', { class: 'field checkbox' }, mine, h('label', { for: mine.id }, 'Only mine'), mineHint),
    h('button', { type: 'submit' }, 'Search'),
  );
  for (const control of [status, agent, mine]) control.addEventListener('change', () => void refresh());

  const rows = h('tbody', {});
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const empty = h('p', { class: 'empty', hidden: true }, 'No task matches.');
  const more = h('button', { type: 'button', hidden: true }, 'Load more tasks');
  container.append(
    h('h1', { tabindex: -1 }, 'Tasks'),
    filters,
    error,
    h(
      'table',
      { class: 'tasks' },
      h('caption', { class: 'visually-hidden' }, 'Tasks, newest first'),
      h('thead', {}, h('tr', {}, ['Task', 'Agent', 'Status', 'Progress', 'Created'].map((column) => h('th', { scope: 'col' }, column)))),
      rows,
    ),
    empty,
    more,
  );

  let cursor: string | null = null;
  const load = async (append: boolean) => {
    try {
      const query = {
        limit: PAGE_SIZE,
        ...(append && cursor && { cursor }),
        ...(search.value.trim() && { search: search.value.trim() }),
        ...(status.value && { status: status.value }),
        ...(agent.value && { agent: agent.value }),
        ...(mine.checked && { mine: 'true' as const }),
      };
      const answer = answered(await session.api.GET('/v1/tasks', { params: { query } }));
      const tasks = 'tasks' in answer ? answer.tasks : answer.data;
      cursor = 'tasks' in answer ? answer.next_cursor : null;
      if (!append) rows.replaceChildren();
      rows.append(...tasks.map(taskRow));
      error.hidden = true;
      empty.hidden = rows.children.length > 0;
      more.hidden = !cursor;
    } catch (failure) {
      error.textContent = failureMessage(failure);
      error.hidden = false;
    }
  };
  const refresh = () => load(false);
  more.addEventListener('click', () => void load(true));

  session.api
    .GET('/v1/agents')
    .then(({ data }) => {
      for (const manifest of data?.agents ?? []) agent.append(h('option', { value: manifest.slug }, manifest.name));
    })
    // Without the agents the filter offers "Any agent" alone; the list itself says what failed.
    .catch(() => undefined);

  const stop = refreshOnEvents({
    apiKey: session.apiKey,
    filters: { types: TASK_EVENT_TYPES },
    // Live: the first page is read again after a burst of events (only while nobody paged further).
    refresh: () => {
      if (rows.children.length <= PAGE_SIZE) void refresh();
    },
    delayMs: 300,
    showStreamState: context.showStreamState,
  });
  void refresh();
  return stop;
};

function taskRow(task: Task): HTMLElement {
  const name = taskName(task);
  return h(
    'tr',
    {},
    h('td', { 'data-label': 'Task' }, h('a', { href: `#/tasks/${encodeURIComponent(task.task_id)}` }, name), h('br'), h('code', { class: 'id' }, task.task_id)),
    h('td', { 'data-label': 'Agent' }, task.agent, h('br'), h('span', { class: 'muted' }, task.task_type)),
    h('td', { 'data-label': 'Status' }, statusBadge(task.status)),
    h(
      'td',
      { 'data-label': 'Progress' },
      h('progress', { max: 1, value: task.progress.fraction, 'aria-label': `Progress of ${name}` }),
      task.progress.message ? h('span', { class: 'muted progress-message' }, task.progress.message) : null,
    ),
    h('td', { 'data-label': 'Created' }, time(task.created_at)),
  );
}
