import { defineRoutes } from '../route-table/declare';
import { approvalBody, approvalIdParams, approvalPage, decidedApproval, decisionBody, listApprovalsQuery } from './schemas';

const tag = 'Approvals';
const decision = (action: 'approve' | 'deny', summary: string) =>
  ({
    method: 'post',
    path: `/v1/approvals/:id/${action}`,
    auth: 'key',
    tag,
    summary,
    description: "The approver recorded is the key's `user_email`, else `api-key:<name>`. A decision the workflow refuses (already decided, expired) is a 409.",
    params: approvalIdParams,
    body: { schema: decisionBody },
    responses: { 200: { description: 'The approval after the decision', schema: decidedApproval } },
    problems: [400, 401, 404, 409, 413, 415, 503],
    examples: [
      {
        summary: 'With a comment',
        curl: `curl -X POST $BASE/v1/approvals/apr_…/${action} -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"comment": "Looks good"}'`,
        body: { comment: 'Looks good' },
      },
    ],
  }) as const;

export const approvalRoutes = defineRoutes({
  listApprovals: {
    method: 'get',
    path: '/v1/approvals',
    auth: 'key',
    tag,
    summary: 'List approvals, oldest first',
    query: listApprovalsQuery,
    responses: { 200: { description: 'One page of approvals', schema: approvalPage } },
    problems: [400, 401],
  },
  getApproval: {
    method: 'get',
    path: '/v1/approvals/:id',
    auth: 'key',
    tag,
    summary: 'Read an approval',
    params: approvalIdParams,
    responses: { 200: { description: 'The approval', schema: approvalBody } },
    problems: [401, 404],
  },
  approveApproval: decision('approve', 'Approve'),
  denyApproval: decision('deny', 'Deny'),
});
