export { taskWorkflow } from './task';
export { webhookDeliveryWorkflow } from './webhook-delivery';
export { retentionWorkflow } from './retention';
