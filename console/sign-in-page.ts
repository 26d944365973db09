import { h, uniqueId } from './dom.js';
import { type Session, signIn } from './session.js';

/** The sign-in form: an API key, kept for this tab's session only. */
export function renderSignIn(root: HTMLElement, onSignedIn: (session: Session) => void, message?: string): void {
  const inputId = uniqueId('api-key');
  const hintId = uniqueId('api-key-hint');
  const error = h('p', { class: 'error', role: 'alert', hidden: !message }, message ?? '');
  const input = h('input', { id: inputId, name: 'api_key', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false', 'aria-describedby': hintId, placeholder: 'tw_…' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h(
    'form',
    {
      class: 'sign-in card',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        submit.disabled = true;
        error.hidden = true;
        try {
          onSignedIn(await signIn(input.value.trim()));
        } catch (failure) {
          error.textContent = failure instanceof Error ? failure.message : String(failure);
          error.hidden = false;
          input.focus();
          input.select();
        } finally {
          submit.disabled = false;
        }
      },
    },
    h('h1', {}, 'Taskwright console'),
    h('p', {}, 'Approve what agents ask for, follow tasks and their artifacts, start work.'),
    h('label', { for: inputId }, 'API key'),
    input,
    h('p', { id: hintId, class: 'hint' }, 'Kept in this browser tab only, until you sign out or close the tab. (npm start prints the dev key.)'),
    error,
    submit,
  );
  root.replaceChildren(h('main', { class: 'sign-in-page' }, form));
  document.title = 'Sign in · Taskwright';
  input.focus();
}
