import { ApiRefusal, type Schemas, answered, failureMessage } from './api.js';
import { h, uniqueId } from './dom.js';
import { type PageContext, mayCommand } from './page.js';
import { type TaskStatus, isTerminal } from './task-status.js';

type Task = Schemas['Task'];

export interface TaskCommands {
  element: HTMLElement;
  /** Enables what the task allows in its current status, disables the rest. */
  update(task: Task): void;
}

/**
 * The commands a task takes: cancel, stop, process (with a message and files; the answer to a
 * question when it needs clarification), feedback and assignees. Each is enabled only while its
 * status allows it; if the task moved on meanwhile, the server's 409 is shown as it says it.
 */
export function taskCommands(context: PageContext, taskId: string, page: { showTask(task: Task): void; reload(): void }): TaskCommands {
  const { session } = context;
  const { api } = session;
  const path = { params: { path: { id: taskId } } };
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const allowed = mayCommand(session);

  /** Runs a command; its answer (the task) is shown at once, a refusal where the person acted. */
  const run = async (button: HTMLButtonElement, done: string, command: () => Promise<Task | void>) => {
    button.disabled = true;
    error.hidden = true;
    try {
      const task = await command();
      if (task) page.showTask(task);
      context.announce(done);
    } catch (failure) {
      error.textContent = failureMessage(failure);
      error.hidden = false;
      // Refused because the task moved on (409): show what it is now, and what it allows.
      if (failure instanceof ApiRefusal && failure.status === 409) page.reload();
    } finally {
      if (last) update(last);
    }
  };

  const cancel = h('button', { type: 'button', class: 'danger' }, 'Cancel task');
  cancel.addEventListener('click', () => {
    if (!confirm('Cancel this task? Its partial artifacts are discarded.')) return;
    void run(cancel, 'Cancellation requested.', async () => void answered(await api.POST('/v1/tasks/{id}/cancel', path)));
  });
  const stop = h('button', { type: 'button' }, 'Stop');
  stop.addEventListener('click', () => void run(stop, 'Stopped: the task waits on hold.', async () => answered(await api.POST('/v1/tasks/{id}/stop', path))));

  const question = h('p', { class: 'question', hidden: true });
  const messageId = uniqueId('message');
  const filesId = uniqueId('files');
  const message = h('textarea', { id: messageId, name: 'message', rows: 3, maxlength: 20000 });
  const messageLabel = h('label', { for: messageId }, 'Message');
  const files = h('input', { id: filesId, name: 'files', type: 'file', multiple: true });
  const processButton = h('button', { type: 'submit', class: 'primary' }, 'Process');
  const processForm = h(
    'form',
    {
      class: 'process',
      onsubmit: (event: Event) => {
        event.preventDefault();
        void run(processButton, 'Sent to the agent.', async () => {
          const uploaded = await Promise.all([...(files.files ?? [])].map((file) => upload(session.apiKey, file)));
          const body = {
            ...(message.value.trim() && { message: message.value.trim() }),
            ...(uploaded.length > 0 && { files: uploaded.map((file_id) => ({ file_id })) }),
          };
          const task = answered(await api.POST('/v1/tasks/{id}/process', { ...path, body }));
          message.value = '';
          files.value = '';
          return task;
        });
      },
    },
    question,
    messageLabel,
    message,
    h('label', { for: filesId }, 'Files (optional)'),
    files,
    h('div', { class: 'actions' }, processButton),
  );

  const feedback = (status: 'like' | 'dislike' | null, label: string) => {
    const button = h('button', { type: 'button', 'aria-pressed': 'false' }, label);
    button.addEventListener('click', () => void run(button, 'Feedback saved.', async () => answered(await api.POST('/v1/tasks/{id}/feedback', { ...path, body: { status } }))));
    return button;
  };
  const like = feedback('like', 'Like');
  const dislike = feedback('dislike', 'Dislike');
  const clearFeedback = feedback(null, 'Clear feedback');

  const assigneesId = uniqueId('assignees');
  const assignees = h('input', { id: assigneesId, name: 'assignees', type: 'text', placeholder: 'ana@example.com, li@example.com', autocomplete: 'off' });
  const saveAssignees = h('button', { type: 'submit' }, 'Save assignees');
  const assigneesForm = h(
    'form',
    {
      class: 'assignees',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const emails = assignees.value.split(/[\s,;]+/).filter((email) => email !== '');
        void run(saveAssignees, 'Assignees saved.', async () => answered(await api.PUT('/v1/tasks/{id}/assignees', { ...path, body: { emails } })));
      },
    },
    h('label', { for: assigneesId }, 'Assignees (emails, comma-separated)'),
    h('div', { class: 'inline' }, assignees, saveAssignees),
  );

  let last: Task | undefined;
  let assigneesShown = '';
  const update = (task: Task) => {
    last = task;
    const status: TaskStatus = task.status;
    cancel.disabled = !allowed || isTerminal(status);
    stop.disabled = !allowed || !(status === 'queued' || status === 'running');
    const processable = allowed && (status === 'pending' || status === 'on_hold' || status === 'needs_clarification');
    for (const control of [message, files, processButton]) control.disabled = !processable;
    const asked = status === 'needs_clarification' ? clarificationQuestion(task) : null;
    question.hidden = !asked;
    question.textContent = asked ? `The agent asks: ${asked}` : '';
    messageLabel.textContent = status === 'needs_clarification' ? 'Your answer' : 'Message';
    processButton.textContent = status === 'needs_clarification' ? 'Answer' : status === 'pending' ? 'Start' : 'Process';
    for (const [button, value] of [[like, 'like'], [dislike, 'dislike']] as const) {
      button.disabled = !allowed;
      button.setAttribute('aria-pressed', String(task.feedback === value));
    }
    clearFeedback.disabled = !allowed || task.feedback === null;
    // The field is refilled only when the assignees changed, not over what the person is typing.
    const current = task.assigned_users.join(', ');
    if (current !== assigneesShown) assignees.value = assigneesShown = current;
    assignees.disabled = saveAssignees.disabled = !allowed;
  };

  const element = h(
    'section',
    { class: 'card commands', 'aria-labelledby': 'commands-heading' },
    h('h2', { id: 'commands-heading' }, 'Commands'),
    allowed ? null : h('p', { class: 'muted' }, 'This key has the approver role: it decides approvals, and cannot send task commands.'),
    error,
    h('h3', {}, 'Run'),
    h('div', { class: 'actions' }, stop, cancel),
    processForm,
    h('h3', {}, 'Feedback'),
    h('div', { class: 'actions', role: 'group', 'aria-label': 'Feedback' }, like, dislike, clearFeedback),
    h('h3', {}, 'People'),
    assigneesForm,
  );
  return { element, update };
}

/** The question of the status change that put the task in `needs_clarification`. */
function clarificationQuestion(task: Task): string | null {
  for (const activity of [...task.activities].reverse()) {
    if (activity.type === 'status_change' && activity.to === 'needs_clarification') return activity.question ?? null;
  }
  return null;
}

/** Uploads a file (raw bytes, its name in the query) for `process` to hand to the agent. */
async function upload(apiKey: string, file: File): Promise<string> {
  const response = await fetch(`/v1/files?${new URLSearchParams({ name: file.name, purpose: 'task_input' })}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': file.type || 'application/octet-stream' },
    body: file,
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as Partial<Schemas['Problem']>;
    throw new Error(`Uploading ${file.name}: ${problem.detail ?? `the server answered ${response.status}`}`);
  }
  return ((await response.json()) as Schemas['File']).file_id;
}
