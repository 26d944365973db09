export { taskWorkflow } from './task';
export { webhookDeliveryWorkflow } from './webhook-delivery';
export { retentionWorkflow } from './retention';
export { scheduledTaskWorkflow } from './scheduled-task';
