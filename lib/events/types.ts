import type { EventType } from '../../workflows/model';

// A record keyed by EventType: the compiler refuses a missing or unknown type here.
const EVENT_TYPE_NAMES: Record<EventType, true> = {
  'task.created': true,
  'task.progress': true,
  'task.complete': true,
  'task.failed': true,
  'task.cancelled': true,
  'task.status_changed': true,
  'task.updated': true,
  'artifact.emitted': true,
  'approval.requested': true,
  'approval.resolved': true,
  'session.message': true,
  'session.closed': true,
  'tool_call.executed': true,
};

/** Every event type, for validating filters and subscriptions. */
export const EVENT_TYPES = Object.keys(EVENT_TYPE_NAMES) as [EventType, ...EventType[]];
