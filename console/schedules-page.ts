import type { operations } from '../client/schema.js';
import { answered, failureMessage } from './api.js';
import { h, show, statusBadge, time, uniqueId } from './dom.js';
import { type Page, type PageContext, mayCommand } from './page.js';

type Schedule = operations['listSchedules']['responses'][200]['content']['application/json']['schedules'][number];

/** Recurring tasks on Temporal Schedules: when they run next, their recent tasks; pause, resume, run now. */
export const renderSchedules: Page = (context) => {
  const { session, container } = context;
  const list = h('div', { class: 'schedules' });
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const refresh = async () => {
    try {
      const { schedules } = answered(await session.api.GET('/v1/schedules'));
      error.hidden = true;
      if (schedules.length === 0) show(list, h('p', { class: 'empty' }, 'No schedules. Create them with POST /v1/schedules (see /docs).'));
      else show(list, ...schedules.map((schedule) => scheduleCard(context, schedule, refresh)));
    } catch (failure) {
      error.textContent = failureMessage(failure);
      error.hidden = false;
    }
  };
  show(container, h('h1', { tabindex: -1 }, 'Schedules'), h('p', { class: 'lead' }, 'Tasks started on a cron or an interval.'), error, list);
  void refresh();
};

function scheduleCard(context: PageContext, schedule: Schedule, refresh: () => Promise<void>): HTMLElement {
  const headingId = uniqueId('schedule');
  const name = schedule.title ?? `${schedule.agent} · ${schedule.task_type}`;
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const command = (label: string, action: 'pause' | 'unpause' | 'trigger') => {
    const button = h('button', { type: 'button', 'aria-label': `${label} ${name}`, disabled: !mayCommand(context.session) }, label);
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const path = { params: { path: { id: schedule.schedule_id } } };
        if (action === 'pause') answered(await context.session.api.POST('/v1/schedules/{id}/pause', path));
        else if (action === 'unpause') answered(await context.session.api.POST('/v1/schedules/{id}/unpause', path));
        else answered(await context.session.api.POST('/v1/schedules/{id}/trigger', path));
        context.announce(`${label}: ${name}.`);
        await refresh();
      } catch (failure) {
        error.textContent = failureMessage(failure);
        error.hidden = false;
        button.disabled = false;
      }
    });
    return button;
  };
  return h(
    'article',
    { class: 'card schedule', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, name),
    h(
      'p',
      { class: 'meta' },
      schedule.paused ? statusBadge('paused') : statusBadge('active'),
      ' · ',
      schedule.cron ? h('code', {}, schedule.cron) : `every ${schedule.interval_seconds} s`,
      ` · ${schedule.timezone} · overlap ${schedule.overlap}`,
    ),
    h('p', {}, 'Next runs: ', schedule.next_runs.length > 0 ? schedule.next_runs.slice(0, 3).flatMap((run, index) => [index > 0 ? ', ' : '', time(run)]) : '—'),
    schedule.recent_tasks.length > 0
      ? h(
          'ul',
          { class: 'recent', 'aria-label': `Recent tasks of ${name}` },
          schedule.recent_tasks.map((task) => h('li', {}, h('a', { href: `#/tasks/${encodeURIComponent(task.task_id)}` }, task.task_id), ' ', statusBadge(task.status), ' ', time(task.created_at))),
        )
      : null,
    schedule.links.temporal_ui ? h('p', {}, h('a', { href: schedule.links.temporal_ui, target: '_blank', rel: 'noopener noreferrer' }, 'Open in the Temporal Web UI')) : null,
    error,
    h('div', { class: 'actions' }, schedule.paused ? command('Resume', 'unpause') : command('Pause', 'pause'), command('Run now', 'trigger')),
  );
}
