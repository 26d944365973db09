import { SearchAttributeType, defineSearchAttributeKey } from '@temporalio/common';

// Indexed on every task workflow so runs can be filtered in the Temporal Web UI and CLI, e.g.
// `TaskwrightTenant = 'ten_…' AND TaskwrightStatus = 'running'`.
export const TASK_TENANT = defineSearchAttributeKey('TaskwrightTenant', SearchAttributeType.KEYWORD);
export const TASK_AGENT = defineSearchAttributeKey('TaskwrightAgent', SearchAttributeType.KEYWORD);
export const TASK_TYPE = defineSearchAttributeKey('TaskwrightTaskType', SearchAttributeType.KEYWORD);
export const TASK_STATUS = defineSearchAttributeKey('TaskwrightStatus', SearchAttributeType.KEYWORD);

export const TASK_SEARCH_ATTRIBUTES = [TASK_TENANT, TASK_AGENT, TASK_TYPE, TASK_STATUS];
