import type { Client } from '@temporalio/client';
import { Router } from 'express';
import type { Config } from '../../lib/config';
import type { Database, Prisma } from '../../lib/db/client';
import type { DownloadUrlSigner } from '../../lib/signing/download-urls';
import { type ContentStore, artifactContentPrefix } from '../../lib/storage/content-store';
import { type TaskStatus, isTerminal } from '../../workflows/model';
import { decideApproval } from '../approvals/decide';
import { decodeCursor, keysetPage } from '../cursor';
import { principalOf } from '../middleware/auth';
import { methodNotAllowed } from '../middleware/errors';
import { HttpProblem, notFound } from '../problem';
import { parseBody, parseQuery } from '../validation';
import { presentArtifact } from './present';
import { artifactDecisionBody, listArtifactsQuery } from './schemas';

export interface ArtifactsRouterDependencies {
  db: Database;
  temporal: Client;
  storage: ContentStore;
  downloadUrls: DownloadUrlSigner;
  config: Pick<Config, 'publicBaseUrl'>;
}

/** Immutable task outputs: list, read (with a fresh signed URL), delete, and decide gated ones. */
export function artifactsRouter({ db, temporal, storage, downloadUrls, config }: ArtifactsRouterDependencies): Router {
  const router = Router();
  const signing = { signer: downloadUrls, publicBaseUrl: config.publicBaseUrl };

  async function loadArtifact(tenantId: string, id: string) {
    const artifact = await db.artifact.findFirst({ where: { id, tenantId }, include: { task: true } });
    if (!artifact) throw notFound(`Artifact ${id}`);
    return artifact;
  }

  router
    .route('/v1/artifacts')
    .get(async (req, res) => {
      const { tenantId } = principalOf(req);
      const query = parseQuery(listArtifactsQuery, req);
      const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
      const where: Prisma.ArtifactWhereInput = {
        tenantId,
        taskId: query.task_id,
        workflowId: query.workflow_id,
        runId: query.run_id,
        type: query.type,
        approvalStatus: query.approval_status,
        ...(after && { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }),
      };
      // Newest first, ties broken by id: a total order, so pages neither repeat nor skip.
      const artifacts = await db.artifact.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: query.limit + 1 });
      const { page, nextCursor } = keysetPage(artifacts, query.limit, (artifact) => artifact.createdAt);
      res.json({ artifacts: page.map((artifact) => presentArtifact(artifact, signing)), next_cursor: nextCursor });
    })
    .all(methodNotAllowed);

  router
    .route('/v1/artifacts/:id')
    .get(async (req, res) => {
      const { tenantId } = principalOf(req);
      res.json(presentArtifact(await loadArtifact(tenantId, req.params.id), signing));
    })
    .delete(async (req, res) => {
      const { tenantId } = principalOf(req);
      const artifact = await loadArtifact(tenantId, req.params.id);
      // A running task may still read or decide on what it produced.
      if (!isTerminal(artifact.task.status as TaskStatus)) {
        throw new HttpProblem(409, 'task_not_finished', `Artifact ${artifact.id} belongs to task ${artifact.taskId}, which is still ${artifact.task.status}.`, {
          artifact_id: artifact.id,
          task_id: artifact.taskId,
          current_status: artifact.task.status,
        });
      }
      // Content first: if this fails the row is still there for a retry to delete.
      await storage.deletePrefix(artifactContentPrefix(artifact.tenantId, artifact.taskId, artifact.id));
      const { count } = await db.artifact.deleteMany({ where: { id: artifact.id, tenantId } });
      if (count === 0) throw notFound(`Artifact ${artifact.id}`);
      res.json({ deleted: true, artifact_id: artifact.id });
    })
    .all(methodNotAllowed);

  for (const [action, decision] of [['approve', 'approved'], ['reject', 'denied']] as const) {
    router
      .route(`/v1/artifacts/:id/${action}`)
      .post(async (req, res) => {
        const principal = principalOf(req);
        const body = parseBody(artifactDecisionBody, req);
        const artifact = await loadArtifact(principal.tenantId, req.params.id);
        const approval = await db.approval.findFirst({
          where: { artifactId: artifact.id, tenantId: principal.tenantId },
          orderBy: { requestedAt: 'desc' },
          include: { task: true },
        });
        if (!approval) {
          throw new HttpProblem(409, 'approval_not_pending', `Artifact ${artifact.id} is not waiting for approval (it is ${artifact.approvalStatus}).`, {
            artifact_id: artifact.id,
            current_status: artifact.approvalStatus,
          });
        }
        await decideApproval({ db, temporal }, approval, decision, { comment: body.comment, principal });
        res.json(presentArtifact(await loadArtifact(principal.tenantId, artifact.id), signing));
      })
      .all(methodNotAllowed);
  }

  return router;
}
