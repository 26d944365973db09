export { taskWorkflow } from './task';
export { webhookDeliveryWorkflow } from './webhook-delivery';
