import type { Event, Session } from '../../lib/generated/prisma/client';
import type { SessionMessageResponse, SessionResponse } from './schemas';

export function presentSession(session: Session): SessionResponse {
  return {
    session_id: session.id,
    title: session.title,
    metadata: session.metadata as Record<string, unknown>,
    status: session.status as SessionResponse['status'],
    created_at: session.createdAt.toISOString(),
    closed_at: session.closedAt?.toISOString() ?? null,
  };
}

/** A session's `session.message` event as the message it records. */
export function presentSessionMessage(event: Pick<Event, 'data' | 'createdAt'>): SessionMessageResponse {
  const data = event.data as { message_id: string; session_id: string; text: string; from: string | null; answered_task_id: string | null };
  return {
    message_id: data.message_id,
    session_id: data.session_id,
    text: data.text,
    from: data.from,
    answered_task_id: data.answered_task_id,
    created_at: event.createdAt.toISOString(),
  };
}
