import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DecideCommand, FeedbackCommand, ProcessCommand, TaskSnapshot } from './model';

export const taskStateQuery = defineQuery<TaskSnapshot>('taskState');

// Commands. Each validator refuses an illegal one (ApplicationFailure `illegal_transition` with the
// current status); a legal one answers with the task's state once its transition is recorded.
export const processUpdate = defineUpdate<TaskSnapshot, [ProcessCommand]>('process');
export const stopUpdate = defineUpdate<TaskSnapshot, []>('stop');
export const decideUpdate = defineUpdate<TaskSnapshot, [DecideCommand]>('decide');
export const feedbackUpdate = defineUpdate<TaskSnapshot, [FeedbackCommand]>('feedback');
