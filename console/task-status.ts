import type { Schemas } from './api.js';
import { EVENT_TYPES } from './event-stream.js';

export type TaskStatus = Schemas['Task']['status'];

export const TASK_STATUSES: TaskStatus[] = ['pending', 'queued', 'running', 'awaiting_approval', 'needs_clarification', 'on_hold', 'complete', 'failed', 'cancelled'];

export const isTerminal = (status: TaskStatus) => status === 'complete' || status === 'failed' || status === 'cancelled';

/** The events after which a task looks different (all but sessions' and tool calls'): what the tasks pages follow live. */
export const TASK_EVENT_TYPES = EVENT_TYPES.filter((type) => !type.startsWith('session.') && !type.startsWith('tool_call.')).join(',');

/** A task's name in lists and headings: its title, else what it runs. */
export const taskName = (task: Schemas['TaskListItem']) => task.title ?? `${task.agent} · ${task.task_type}`;
