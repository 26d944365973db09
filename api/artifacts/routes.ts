import { defineRoutes } from '../route-table/declare';
import { artifactBody, artifactDecisionBody, artifactDeleted, artifactIdParams, artifactPage, listArtifactsQuery } from './schemas';

const tag = 'Artifacts';
const decision = (action: 'approve' | 'reject', summary: string) =>
  ({
    method: 'post',
    path: `/v1/artifacts/:id/${action}`,
    auth: 'key',
    tag,
    summary,
    description: 'The same decision as on its approval (`POST /v1/approvals/:id/approve` or `/deny`); approving runs its effect once.',
    params: artifactIdParams,
    body: { schema: artifactDecisionBody },
    responses: { 200: { description: 'The artifact after the decision', schema: artifactBody } },
    problems: [400, 401, 404, 409, 413, 415, 503],
  }) as const;

export const artifactRoutes = defineRoutes({
  listArtifacts: {
    method: 'get',
    path: '/v1/artifacts',
    auth: 'key',
    tag,
    summary: "List the tenant's artifacts, newest first",
    query: listArtifactsQuery,
    responses: { 200: { description: 'One page of artifacts', schema: artifactPage } },
    problems: [400, 401],
    examples: [{ summary: 'Tasks & Artifacts (seed 000): a task’s artifacts', curl: 'curl "$BASE/v1/artifacts?task_id=task_…" -H "Authorization: Bearer $KEY"' }],
  },
  getArtifact: {
    method: 'get',
    path: '/v1/artifacts/:id',
    auth: 'key',
    tag,
    summary: 'Read an artifact (file artifacts with a fresh signed URL)',
    params: artifactIdParams,
    responses: { 200: { description: 'The artifact', schema: artifactBody } },
    problems: [401, 404],
    examples: [{ summary: 'Tasks & Artifacts (seed 000)', curl: 'curl $BASE/v1/artifacts/art_… -H "Authorization: Bearer $KEY"' }],
  },
  deleteArtifact: {
    method: 'delete',
    path: '/v1/artifacts/:id',
    auth: 'key',
    tag,
    summary: 'Delete an artifact and its content (409 while its task is unfinished)',
    params: artifactIdParams,
    responses: { 200: { description: 'Deleted', schema: artifactDeleted } },
    problems: [401, 404, 409],
  },
  approveArtifact: decision('approve', 'Approve an approval-gated artifact'),
  rejectArtifact: decision('reject', 'Reject an approval-gated artifact'),
});
