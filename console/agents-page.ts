import { type Schemas, answered, failureMessage } from './api.js';
import { h, show, uniqueId } from './dom.js';
import { type Page, type PageContext, mayCommand } from './page.js';
import { type JsonSchema, schemaFields } from './schema-form.js';

type Agent = Schemas['Agent'];
type TaskType = Agent['task_types'][number];

/** The agents, built-in and registered, as cards with their task types; "Run task" starts one. */
export const renderAgents: Page = (context) => {
  const { session, container } = context;
  const grid = h('div', { class: 'agent-grid' });
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  show(
    container,
    h('h1', { tabindex: -1 }, 'Agents'),
    h('p', { class: 'lead' }, 'What each agent does, and a form to run each of its task types.'),
    mayCommand(session) ? null : h('p', { class: 'notice' }, 'This key has the approver role: it reads agents and decides approvals, and cannot start tasks.'),
    error,
    grid,
  );
  void session.api
    .GET('/v1/agents')
    .then(answered)
    .then(({ agents }) => show(grid, ...agents.map((agent) => agentCard(context, agent))))
    .catch((failure: unknown) => {
      error.textContent = failureMessage(failure);
      error.hidden = false;
    });
};

function agentCard(context: PageContext, agent: Agent): HTMLElement {
  const headingId = uniqueId('agent');
  return h(
    'article',
    { class: 'card agent', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, agent.name),
    h('p', { class: 'meta' }, h('code', {}, agent.slug), agent.kind === 'registered' ? ' · registered' : ' · built in'),
    h('p', {}, agent.description),
    h(
      'ul',
      { class: 'task-types', 'aria-label': `Task types of ${agent.name}` },
      agent.task_types.map((taskType) =>
        h(
          'li',
          {},
          h('div', {}, h('code', {}, taskType.name), taskType.name === agent.default_task_type ? h('span', { class: 'muted' }, ' (default)') : null),
          h('p', { class: 'hint' }, taskType.description),
          taskType.emits.length > 0 ? h('p', { class: 'hint' }, 'Emits ', taskType.emits.join(', ')) : null,
          h(
            'button',
            {
              type: 'button',
              class: 'primary',
              'aria-label': `Run task ${taskType.name} of ${agent.name}`,
              disabled: !mayCommand(context.session),
              onclick: () => openRunDialog(context, agent, taskType),
            },
            'Run task',
          ),
        ),
      ),
    ),
  );
}

/**
 * The "Run task" form, generated from the task type's input schema; it starts the task with
 * `trigger: {type: 'dashboard'}` and opens its page.
 */
function openRunDialog(context: PageContext, agent: Agent, taskType: TaskType): void {
  const headingId = uniqueId('run');
  const titleId = uniqueId('title');
  const fields = schemaFields(taskType.input_schema as JsonSchema);
  const title = h('input', { id: titleId, name: 'title', type: 'text', maxlength: 500 });
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const start = h('button', { type: 'submit', class: 'primary' }, 'Start task');
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  const dialog = h(
    'dialog',
    { class: 'run-task', 'aria-labelledby': headingId },
    h(
      'form',
      {
        onsubmit: async (event: Event) => {
          event.preventDefault();
          const refuse = (message: string) => {
            error.textContent = message;
            error.hidden = false;
          };
          let input: Record<string, unknown>;
          try {
            input = fields.read();
          } catch (invalid) {
            return refuse(invalid instanceof Error ? invalid.message : String(invalid));
          }
          start.disabled = true;
          error.hidden = true;
          try {
            const body = {
              agent: agent.slug,
              task_type: taskType.name,
              input,
              trigger: { type: 'dashboard' as const },
              ...(title.value.trim() && { title: title.value.trim() }),
            };
            const task = answered(await context.session.api.POST('/v1/tasks', { body }));
            close();
            location.hash = `#/tasks/${encodeURIComponent(task.task_id)}`;
          } catch (failure) {
            refuse(failureMessage(failure));
            start.disabled = false;
          }
        },
      },
      h('h2', { id: headingId }, `Run ${taskType.name}`),
      h('p', { class: 'hint' }, `${agent.name}: ${taskType.description}`),
      h('div', { class: 'field' }, h('label', { for: titleId }, 'Title (optional)'), title),
      h('fieldset', {}, h('legend', {}, 'Input'), fields.element),
      error,
      h('div', { class: 'actions' }, start, h('button', { type: 'button', onclick: close }, 'Close')),
    ),
  );
  dialog.addEventListener('cancel', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}
