import { type Schemas, answered, failureMessage } from './api.js';
import { h, show, statusBadge, time, uniqueId } from './dom.js';
import { EVENT_TYPES } from './event-stream.js';
import type { Page, PageContext } from './page.js';

type Webhook = Schemas['Webhook'];
type Delivery = Schemas['WebhookDelivery'];


/** Webhook subscriptions (admin key): subscribe, and each one's delivery log with every attempt and a redeliver. */
export const renderWebhooks: Page = (context) => {
  const { session, container } = context;
  const list = h('div', { class: 'webhooks' });
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const refresh = async () => {
    try {
      const { webhooks } = answered(await session.api.GET('/v1/webhooks'));
      error.hidden = true;
      if (webhooks.length === 0) show(list, h('p', { class: 'empty' }, 'No subscriptions yet.'));
      else show(list, ...webhooks.map((webhook) => webhookCard(context, webhook)));
    } catch (failure) {
      error.textContent = failureMessage(failure);
      error.hidden = false;
    }
  };
  show(
    container,
    h('h1', { tabindex: -1 }, 'Webhooks'),
    h('p', { class: 'lead' }, 'Signed POSTs of events to your receivers, retried with backoff; each attempt is logged.'),
    error,
    list,
    subscribeForm(context, refresh),
  );
  void refresh();
};

function webhookCard(context: PageContext, webhook: Webhook): HTMLElement {
  const headingId = uniqueId('webhook');
  const deliveries = h('div', { class: 'deliveries' });
  const toggle = h('button', { type: 'button', 'aria-expanded': 'false', 'aria-label': `Show deliveries of ${webhook.url}` }, 'Show deliveries');
  const load = async () => {
    try {
      const answer = answered(await context.session.api.GET('/v1/webhooks/{id}/deliveries', { params: { path: { id: webhook.webhook_id }, query: { limit: 20 } } }));
      if (answer.deliveries.length === 0) show(deliveries, h('p', { class: 'muted' }, 'No deliveries yet.'));
      else show(deliveries, deliveriesTable(context, webhook, answer.deliveries, load));
    } catch (failure) {
      show(deliveries, h('p', { class: 'error', role: 'alert' }, failureMessage(failure)));
    }
  };
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? 'Hide deliveries' : 'Show deliveries';
    toggle.setAttribute('aria-label', `${open ? 'Hide' : 'Show'} deliveries of ${webhook.url}`);
    if (open) void load();
    else deliveries.replaceChildren();
  });
  return h(
    'article',
    { class: 'card webhook', 'aria-labelledby': headingId },
    h('h2', { id: headingId, class: 'url' }, webhook.url),
    h('p', { class: 'meta' }, statusBadge(webhook.status), ` · secret …${webhook.secret_hint} · since `, time(webhook.created_at)),
    webhook.failing_since ? h('p', { class: 'error' }, 'Failing since ', time(webhook.failing_since)) : null,
    h('p', {}, 'Events: ', webhook.events.join(', ')),
    toggle,
    deliveries,
  );
}

function deliveriesTable(context: PageContext, webhook: Webhook, deliveries: Delivery[], reload: () => Promise<void>): HTMLElement {
  const redeliver = (delivery: Delivery) => {
    const button = h('button', { type: 'button', 'aria-label': `Redeliver ${delivery.event_type} (${delivery.delivery_id})` }, 'Redeliver');
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        answered(
          await context.session.api.POST('/v1/webhooks/{id}/deliveries/{delivery_id}/redeliver', {
            params: { path: { id: webhook.webhook_id, delivery_id: delivery.delivery_id } },
          }),
        );
        context.announce(`Redelivery of ${delivery.event_type} queued.`);
        await reload();
      } catch (failure) {
        context.announce(failureMessage(failure));
        button.disabled = false;
      }
    });
    return button;
  };
  return h(
    'table',
    { class: 'deliveries-table' },
    h('caption', { class: 'visually-hidden' }, `Deliveries to ${webhook.url}, newest first`),
    h('thead', {}, h('tr', {}, ['Event', 'Status', 'Attempts', 'Created', ''].map((column) => h('th', { scope: 'col' }, column)))),
    h(
      'tbody',
      {},
      deliveries.map((delivery) =>
        h(
          'tr',
          {},
          h('td', { 'data-label': 'Event' }, delivery.event_type, h('br'), h('code', { class: 'id' }, delivery.event_id)),
          h('td', { 'data-label': 'Status' }, statusBadge(delivery.status), delivery.next_attempt_at ? [h('br'), 'next ', time(delivery.next_attempt_at)] : null),
          h(
            'td',
            { 'data-label': 'Attempts' },
            h(
              'ol',
              { class: 'attempts' },
              delivery.attempts.map((attempt) =>
                h('li', {}, time(attempt.started_at), ` · ${attempt.status_code ?? 'no answer'} · ${attempt.latency_ms} ms`, attempt.error ? ` · ${attempt.error}` : ''),
              ),
            ),
          ),
          h('td', { 'data-label': 'Created' }, time(delivery.created_at)),
          h('td', {}, redeliver(delivery)),
        ),
      ),
    ),
  );
}

function subscribeForm(context: PageContext, onSubscribed: () => Promise<void>): HTMLElement {
  const urlId = uniqueId('url');
  const secretId = uniqueId('secret');
  const url = h('input', { id: urlId, name: 'url', type: 'url', required: true, placeholder: 'https://receiver.example.com/hooks' });
  const secret = h('input', { id: secretId, name: 'secret', type: 'password', required: true, minlength: 8, autocomplete: 'off' });
  const boxes = EVENT_TYPES.map((type) => ({ type, box: h('input', { type: 'checkbox', id: uniqueId('event'), value: type }) }));
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Subscribe');
  return h(
    'form',
    {
      class: 'card subscribe',
      'aria-labelledby': 'subscribe-heading',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        submit.disabled = true;
        error.hidden = true;
        try {
          const events = boxes.filter(({ box }) => box.checked).map(({ type }) => type);
          answered(await context.session.api.POST('/v1/webhooks', { body: { url: url.value, secret: secret.value, events } }));
          url.value = secret.value = '';
          context.announce('Subscribed.');
          await onSubscribed();
        } catch (failure) {
          error.textContent = failureMessage(failure);
          error.hidden = false;
        } finally {
          submit.disabled = false;
        }
      },
    },
    h('h2', { id: 'subscribe-heading' }, 'Subscribe'),
    h('div', { class: 'field' }, h('label', { for: urlId }, 'Receiver URL'), url),
    h('div', { class: 'field' }, h('label', { for: secretId }, 'Signing secret (8 characters or more)'), secret),
    h('fieldset', { class: 'event-types' }, h('legend', {}, 'Events'), boxes.map(({ type, box }) => h('div', { class: 'checkbox' }, box, h('label', { for: box.id }, type)))),
    error,
    h('div', { class: 'actions' }, submit),
  );
}
