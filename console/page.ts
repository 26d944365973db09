import type { StreamState } from './event-stream.js';
import type { Session } from './session.js';

/** What a page gets: the session, its own area of the document, and the shell's status line. */
export interface PageContext {
  session: Session;
  container: HTMLElement;
  /** Says something to screen readers (and shows it in the status line) without moving focus. */
  announce(message: string): void;
  /** Shows whether the page's live updates are connected. */
  showStreamState(state: StreamState): void;
}

/** Renders a page; returns what stops its live updates when the person leaves it. */
export type Page = (context: PageContext, ...params: string[]) => (() => void) | void;

export const isAdmin = (session: Session) => session.me.api_key.role === 'admin';
/** Approver keys read and decide approvals; every other command is refused them (403). */
export const mayCommand = (session: Session) => session.me.api_key.role !== 'approver';
