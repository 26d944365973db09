import { renderAgents } from './agents-page.js';
import { KEY_REFUSED_EVENT } from './api.js';
import { h } from './dom.js';
import type { StreamState } from './event-stream.js';
import { renderInbox } from './inbox-page.js';
import { type Page, isAdmin } from './page.js';
import { renderSchedules } from './schedules-page.js';
import { type Session, resumeSession, signOut } from './session.js';
import { renderSignIn } from './sign-in-page.js';
import { renderTask } from './task-page.js';
import { renderTasks } from './tasks-page.js';
import { renderWebhooks } from './webhooks-page.js';

const root = document.getElementById('console')!;

interface Route {
  /** The hash path's first segment, e.g. `tasks` for `#/tasks/task_01…`. */
  path: string;
  label: string;
  page: Page;
  /** A second segment opens this page instead (a task of the list). */
  item?: Page;
  adminOnly?: boolean;
}

const ROUTES: Route[] = [
  { path: 'inbox', label: 'Approvals', page: renderInbox },
  { path: 'tasks', label: 'Tasks', page: renderTasks, item: renderTask },
  { path: 'agents', label: 'Agents', page: renderAgents },
  { path: 'schedules', label: 'Schedules', page: renderSchedules },
  { path: 'webhooks', label: 'Webhooks', page: renderWebhooks, adminOnly: true },
];

const STREAM_STATES: Record<StreamState, string> = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' };

/** The signed-in console: header, navigation, and the page the location's hash names. */
function renderShell(session: Session): void {
  const routes = ROUTES.filter((route) => !route.adminOnly || isAdmin(session));
  const links = routes.map((route) => h('a', { href: `#/${route.path}` }, route.label));
  const streamState = h('span', { class: 'stream-state', title: 'Live updates' });
  const status = h('p', { class: 'status-line', role: 'status', 'aria-live': 'polite' });
  const main = h('main', { id: 'page', tabindex: -1 });
  const { tenant, api_key } = session.me;
  let stopPage: () => void = () => undefined;
  const leave = (message?: string) => {
    signOut();
    window.onhashchange = null;
    window.removeEventListener(KEY_REFUSED_EVENT, keyRefused);
    stopPage();
    history.replaceState(null, '', location.pathname);
    renderSignIn(root, renderShell, message);
  };
  const keyRefused = () => leave('The API no longer accepts this key (it may have been revoked). Sign in with a valid key.');
  window.addEventListener(KEY_REFUSED_EVENT, keyRefused);
  root.replaceChildren(
    h(
      'header',
      { class: 'top' },
      h('a', { class: 'brand', href: '#/inbox' }, 'Taskwright'),
      h('nav', { 'aria-label': 'Console' }, links),
      h(
        'div',
        { class: 'who' },
        h('span', { class: 'identity' }, h('span', { class: 'tenant', title: tenant.tenant_id }, tenant.name), h('span', { class: 'key' }, `${api_key.name} · ${api_key.role}`)),
        h(
          'button',
          { type: 'button', onclick: () => leave() },
          'Sign out',
        ),
      ),
    ),
    h('div', { class: 'status-bar' }, streamState, status),
    main,
  );

  const open = () => {
    stopPage();
    const [path = 'inbox', ...params] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
    const route = routes.find((candidate) => candidate.path === path) ?? routes[0]!;
    const page = params.length > 0 && route.item ? route.item : route.page;
    for (const [index, link] of links.entries()) {
      if (routes[index] === route) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    streamState.textContent = '';
    status.textContent = '';
    main.replaceChildren();
    document.title = `${route.label} · Taskwright`;
    stopPage =
      page(
        {
          session,
          container: main,
          announce: (message) => (status.textContent = message),
          showStreamState: (state) => {
            streamState.textContent = STREAM_STATES[state];
            streamState.dataset['state'] = state;
          },
        },
        ...params,
      ) ?? (() => undefined);
    // Screen readers and keyboards start on the new page's heading, not on the link left behind.
    (main.querySelector<HTMLElement>('h1') ?? main).focus();
  };
  window.onhashchange = open;
  open();
}

async function start(): Promise<void> {
  try {
    const session = await resumeSession();
    if (session) renderShell(session);
    else renderSignIn(root, renderShell);
  } catch (error) {
    renderSignIn(root, renderShell, error instanceof Error ? error.message : String(error));
  }
}

void start();
