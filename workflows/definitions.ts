import { defineQuery } from '@temporalio/workflow';
import type { TaskSnapshot } from './model';

export const taskStateQuery = defineQuery<TaskSnapshot>('taskState');
