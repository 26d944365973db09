import type { Client } from '@temporalio/client';
import type { Router } from 'express';
import type { Config } from '../../lib/config';
import type { Database, Prisma } from '../../lib/db/client';
import type { DownloadUrlSigner } from '../../lib/signing/download-urls';
import { type ContentStore, artifactContentPrefix } from '../../lib/storage/content-store';
import { type TaskStatus, isTerminal } from '../../workflows/model';
import { decideApproval } from '../approvals/decide';
import { decodeCursor, keysetPage } from '../cursor';
import { principalOf } from '../middleware/auth';
import { HttpProblem, notFound } from '../problem';
import { type RouteHandler, routerFrom } from '../route-table/register';
import { presentArtifact } from './present';
import { artifactRoutes } from './routes';

export interface ArtifactsRouterDependencies {
  db: Database;
  temporal: Client;
  storage: ContentStore;
  downloadUrls: DownloadUrlSigner;
  config: Pick<Config, 'publicBaseUrl'>;
}

/** Immutable task outputs: list, read (with a fresh signed URL), delete, and decide gated ones. */
export function artifactsRouter({ db, temporal, storage, downloadUrls, config }: ArtifactsRouterDependencies): Router {
  const signing = { signer: downloadUrls, publicBaseUrl: config.publicBaseUrl };

  async function loadArtifact(tenantId: string, id: string) {
    const artifact = await db.artifact.findFirst({ where: { id, tenantId }, include: { task: true } });
    if (!artifact) throw notFound(`Artifact ${id}`);
    return artifact;
  }

  const decide = (decision: 'approved' | 'denied'): RouteHandler<(typeof artifactRoutes)['approveArtifact']> =>
    async (req, res, { params, body }) => {
      const principal = principalOf(req);
      const artifact = await loadArtifact(principal.tenantId, params.id);
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
    };

  return routerFrom(artifactRoutes, {
    async listArtifacts(req, res, { query }) {
      const { tenantId } = principalOf(req);
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
    },
    async getArtifact(req, res, { params }) {
      const { tenantId } = principalOf(req);
      res.json(presentArtifact(await loadArtifact(tenantId, params.id), signing));
    },
    async deleteArtifact(req, res, { params }) {
      const { tenantId } = principalOf(req);
      const artifact = await loadArtifact(tenantId, params.id);
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
    },
    approveArtifact: decide('approved'),
    rejectArtifact: decide('denied'),
  });
}
