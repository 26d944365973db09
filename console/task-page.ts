import { type Schemas, answered, failureMessage } from './api.js';
import { artifactView } from './artifact-view.js';
import { type Child, h, show, statusBadge, time } from './dom.js';
import { refreshOnEvents } from './event-stream.js';
import type { Page } from './page.js';
import { taskCommands } from './task-commands.js';
import { taskName } from './task-status.js';

type Task = Schemas['Task'];
type Event = Schemas['Event'];

/**
 * One task: what it is, its progress, the commands it takes now, its artifacts (previewed, with
 * their downloads), its executions and its timeline. Live over the task's own event stream.
 */
export const renderTask: Page = (context, taskId = '') => {
  const { session, container } = context;
  const { api } = session;
  const path = { params: { path: { id: taskId } } };
  const heading = h('h1', { tabindex: -1 }, taskId);
  const summary = h('div', { class: 'task-summary' });
  const approvals = h('div', { class: 'task-approvals' });
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const artifacts = h('div', { class: 'artifacts' });
  const executions = h('div', {});
  const timeline = h('ol', { class: 'timeline', 'aria-label': 'Events, oldest first' });
  const activities = h('ol', { class: 'timeline', 'aria-label': 'Activity, oldest first' });
  const commands = taskCommands(context, taskId, { showTask: (task) => showTask(task), reload: () => void refresh() });

  show(
    container,
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/tasks' }, '← All tasks')),
    heading,
    error,
    summary,
    approvals,
    h('div', { class: 'task-columns' }, commands.element, section('Artifacts', artifacts)),
    section('Executions', executions),
    h('div', { class: 'task-columns' }, section('Timeline', timeline), section('Activity', activities)),
  );

  let shownArtifacts = '';
  const showTask = (task: Task) => {
    heading.textContent = taskName(task);
    document.title = `${taskName(task)} · Taskwright`;
    show(summary, ...taskSummary(task));
    commands.update(task);
    show(executions, executionsTable(task));
    show(activities, ...(task.activities.length > 0 ? task.activities.map(activityItem) : [h('li', { class: 'muted' }, 'Nothing recorded yet.')]));
    // Artifacts never change once written: they are read (and previewed) again only when new ones came.
    const ids = task.artifacts.map((artifact) => artifact.artifact_id).join();
    if (ids !== shownArtifacts) {
      shownArtifacts = ids;
      void loadArtifacts();
    }
  };

  const loadArtifacts = async () => {
    try {
      const { artifacts: list } = answered(await api.GET('/v1/tasks/{id}/artifacts', path));
      if (list.length === 0) show(artifacts, h('p', { class: 'muted' }, 'No artifacts yet.'));
      else show(artifacts, ...list.map(artifactView));
    } catch (failure) {
      shownArtifacts = '';
      show(artifacts, h('p', { class: 'error' }, `The artifacts could not be read: ${failureMessage(failure)}`));
    }
  };

  const refresh = async () => {
    try {
      const [task, events, pending] = await Promise.all([
        api.GET('/v1/tasks/{id}', path).then(answered),
        api.GET('/v1/events', { params: { query: { task_id: taskId, limit: 500 } } }).then(answered),
        api.GET('/v1/approvals', { params: { query: { task_id: taskId, status: 'pending' } } }).then(answered),
      ]);
      error.hidden = true;
      showTask(task);
      show(timeline, ...(events.events.length > 0 ? events.events.map(eventItem) : [h('li', { class: 'muted' }, 'No events.')]));
      show(
        approvals,
        ...pending.approvals.map((approval) =>
          h('p', { class: 'notice' }, `Waiting for approval: ${approval.title}. `, h('a', { href: '#/inbox' }, 'Decide it in the Approvals inbox')),
        ),
      );
    } catch (failure) {
      error.textContent = failureMessage(failure);
      error.hidden = false;
    }
  };

  const stop = refreshOnEvents({
    apiKey: session.apiKey,
    filters: { task_id: taskId },
    refresh: () => void refresh(),
    delayMs: 150,
    showStreamState: context.showStreamState,
    onEvent: (event) => {
      if (event.type === 'task.complete' || event.type === 'task.failed' || event.type === 'task.cancelled') {
        context.announce(`The task is ${event.type.slice('task.'.length)}.`);
      }
    },
  });
  void refresh();
  return stop;
};

function section(title: string, content: HTMLElement): HTMLElement {
  const id = `section-${title.toLowerCase()}`;
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), content);
}

function taskSummary(task: Task): Child[] {
  const row = (term: string, ...value: (Child | Child[])[]) => [h('dt', {}, term), h('dd', {}, ...value)];
  const temporal = task.links.temporal_ui;
  return [
    h(
      'div',
      { class: 'status-row' },
      statusBadge(task.status),
      h('progress', { max: 1, value: task.progress.fraction, 'aria-label': 'Progress' }),
      h('span', { class: 'progress-text' }, `${Math.round(task.progress.fraction * 100)} %`, task.progress.message ? ` · ${task.progress.message}` : ''),
    ),
    task.error ? h('p', { class: 'error' }, `Failed: ${task.error.code}`, task.error.message ? ` — ${task.error.message}` : '') : null,
    h(
      'dl',
      { class: 'facts' },
      row('Task ID', h('code', {}, task.task_id)),
      row('Agent', `${task.agent} · `, h('code', {}, task.task_type)),
      row('Started by', task.trigger.type, task.trigger.source_id ? [' · ', h('code', {}, task.trigger.source_id)] : null),
      row('Priority', task.priority),
      row('Owner', task.owner_email ?? '—'),
      row('Assignees', task.assigned_users.length > 0 ? task.assigned_users.join(', ') : '—'),
      row('Created', time(task.created_at)),
      task.completed_at ? row('Finished', time(task.completed_at)) : null,
      task.description ? row('Description', task.description) : null,
    ),
    temporal
      ? h('p', {}, h('a', { href: temporal, target: '_blank', rel: 'noopener noreferrer' }, 'Open the run in the Temporal Web UI'))
      : h('p', { class: 'muted' }, 'The Temporal Web UI link is for admin keys (or every key once the operator sets TEMPORAL_UI_URL).'),
  ];
}

function executionsTable(task: Task): HTMLElement {
  if (task.executions.length === 0) return h('p', { class: 'muted' }, 'Not started yet.');
  return h(
    'table',
    {},
    h('thead', {}, h('tr', {}, ['Execution', 'Status', 'Started', 'Ended', 'Output'].map((column) => h('th', { scope: 'col' }, column)))),
    h(
      'tbody',
      {},
      task.executions.map((execution) =>
        h(
          'tr',
          {},
          h('td', { 'data-label': 'Execution' }, h('code', {}, execution.id)),
          h('td', { 'data-label': 'Status' }, statusBadge(execution.status)),
          h('td', { 'data-label': 'Started' }, time(execution.started_at)),
          h('td', { 'data-label': 'Ended' }, time(execution.completed_at) ?? '—'),
          h('td', { 'data-label': 'Output', class: 'output-summary' }, outputSummary(execution.output_summary)),
        ),
      ),
    ),
  );
}

/** An execution's output summary, cut to a line or two (the whole of it is the task's `output`). */
function outputSummary(summary: string | null): Child {
  if (summary === null) return null;
  return summary.length <= 160 ? summary : h('span', { title: summary }, `${summary.slice(0, 160)}…`);
}

function eventItem(event: Event): HTMLElement {
  return h('li', {}, time(event.created_at), ' ', h('strong', {}, event.type), eventDetail(event));
}

/** The line an event's data is worth in a timeline. */
function eventDetail(event: Event): Child {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : null);
  const parts = [
    data['to'] !== undefined ? `${text(data['from']) ?? 'new'} → ${text(data['to'])}` : null,
    typeof data['fraction'] === 'number' ? `${Math.round(data['fraction'] * 100)} %` : null,
    text(data['message']),
    text(data['title']),
    text(data['decision']),
    text(data['type']),
  ].filter((part) => part !== null);
  return parts.length > 0 ? h('span', { class: 'muted' }, ` · ${parts.join(' · ')}`) : null;
}

function activityItem(activity: Task['activities'][number]): HTMLElement {
  const line = ((): string => {
    switch (activity.type) {
      case 'status_change':
        return `Status ${activity.from ?? 'new'} → ${activity.to ?? '—'}${activity.question ? ` (asks: ${activity.question})` : ''}`;
      case 'message':
        return `Message${activity.text ? `: ${activity.text}` : ''}${activity.files.length > 0 ? ` (${activity.files.length} files)` : ''}`;
      case 'approval_requested':
        return `Approval requested: ${activity.title}`;
      case 'approval_resolved':
        return `Approval ${activity.decision}${activity.by ? ` by ${activity.by}` : ''}${activity.comment ? `: “${activity.comment}”` : ''}`;
      case 'update':
        return `Updated ${Object.keys(activity.fields).join(', ')}`;
      default:
        return `${activity.type[0]!.toUpperCase()}${activity.type.slice(1)}: ${JSON.stringify(activity.to)}`;
    }
  })();
  return h('li', {}, time(activity.timestamp), ' ', line);
}
