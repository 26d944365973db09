import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { type AgentContext, AgentError, type ArtifactInfo, type EventInfo, type FileInfo, type JsonObject } from '../agents/sdk';
import { sequenceEvents } from '../lib/db/task-events';
import type { Database } from '../lib/db/client';
import type { Artifact, Event, File as FileRow } from '../lib/generated/prisma/client';
import { type OutboundFetcher, OutboundFetchError } from '../lib/outbound/fetch-url';
import { ContentMissingError, type ContentStore } from '../lib/storage/content-store';

/** What the platform offers agent code beside the task itself. */
export type AgentServices = Pick<AgentContext, 'files' | 'fetch' | 'artifacts' | 'events'>;

export interface AgentServiceDependencies {
  db: Database;
  storage: ContentStore;
  outbound: OutboundFetcher;
}

/**
 * The platform services of an agent run: the tenant's uploaded files, URL fetches through the
 * outbound policy, and the tenant's artifacts and events to read. Everything is scoped to the
 * run's tenant; another tenant's file or artifact does not exist as far as the agent can tell.
 */
export function createAgentServices({ db, storage, outbound }: AgentServiceDependencies) {
  return function agentServicesFor({ tenantId, signal }: { tenantId: string; signal: AbortSignal }): AgentServices {
    return {
      files: {
        async list(filter = {}) {
          const rows = await db.file.findMany({
            where: { tenantId, purpose: filter.purpose },
            orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
            take: rowLimit(filter.limit),
          });
          return rows.map(fileInfo);
        },
        async open(fileId) {
          const row = await db.file.findFirst({ where: { id: fileId, tenantId } });
          if (!row) throw new AgentError('file_not_found', `No file ${fileId} in this tenant`);
          try {
            return { ...fileInfo(row), content: verified(await storage.read(row.storagePath), row) };
          } catch (error) {
            if (error instanceof ContentMissingError) throw new AgentError('file_not_found', `The content of file ${fileId} is missing`);
            throw error;
          }
        },
      },

      async fetch(url, options = {}) {
        try {
          const fetched = await outbound.fetch(url, { ...options, signal });
          return { name: fetched.name, mimeType: fetched.mimeType, sizeBytes: fetched.sizeBytes, content: withAgentErrors(fetched.content, signal) };
        } catch (error) {
          throw asAgentError(error, signal);
        }
      },

      artifacts: {
        async get(artifactId) {
          const row = await db.artifact.findFirst({ where: { id: artifactId, tenantId } });
          return row && artifactInfo(row);
        },
        async list(filter = {}) {
          const rows = await db.artifact.findMany({
            where: { tenantId, type: filter.type, createdAt: { gte: filter.since, lt: filter.until } },
            orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
            take: rowLimit(filter.limit),
          });
          return rows.map(artifactInfo);
        },
      },

      events: {
        async list(filter = {}) {
          // What the task itself just recorded is listed too (see sequenceEvents).
          await sequenceEvents(db);
          const rows = await db.event.findMany({
            // Only sequenced events, as every reader of the log sees them (see readEvents).
            where: { tenantId, seq: { not: null }, type: filter.types && { in: filter.types }, agent: filter.agent, createdAt: { gte: filter.since, lt: filter.until } },
            orderBy: { seq: 'asc' },
            take: rowLimit(filter.limit),
          });
          return rows.map(eventInfo);
        },
      },
    };
  };
}

export type AgentServicesFor = ReturnType<typeof createAgentServices>;

// A negative `take` would make Prisma read backwards.
const rowLimit = (limit: number | undefined) => (limit !== undefined && Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : undefined);

const fileInfo = (row: FileRow): FileInfo => ({
  id: row.id,
  name: row.name,
  mimeType: row.mimeType,
  sizeBytes: Number(row.sizeBytes),
  sha256: row.sha256,
  purpose: row.purpose,
  createdAt: row.createdAt,
});

const artifactInfo = (row: Artifact): ArtifactInfo => ({
  id: row.id,
  tenantId: row.tenantId,
  taskId: row.taskId,
  type: row.type,
  displayName: row.displayName,
  data: row.data as JsonObject | null,
  mimeType: row.mimeType,
  approvalStatus: row.approvalStatus as ArtifactInfo['approvalStatus'],
  effectAppliedAt: row.effectAppliedAt,
  createdAt: row.createdAt,
});

const eventInfo = (row: Event): EventInfo => ({
  seq: Number(row.seq),
  type: row.type,
  taskId: row.taskId,
  agent: row.agent,
  data: row.data as JsonObject,
  createdAt: row.createdAt,
});

/** A failed fetch as agents see it; a cancelled run keeps its own reason. */
function asAgentError(error: unknown, signal: AbortSignal): unknown {
  if (signal.aborted || !(error instanceof OutboundFetchError)) return error;
  return new AgentError('source_unreachable', error.message);
}

/** The fetched body, failing with AgentError `source_unreachable` rather than the fetcher's error. */
function withAgentErrors(content: Readable, signal: AbortSignal): Readable {
  async function* body() {
    try {
      yield* content;
    } catch (error) {
      throw asAgentError(error, signal);
    }
  }
  return Readable.from(body(), { objectMode: false });
}

/** A file's content, checked against its sha256 and size as it is read: a mismatch fails at the end. */
function verified(content: Readable, file: FileRow): Readable {
  async function* checked() {
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of content as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
      yield chunk;
    }
    if (hash.digest('hex') !== file.sha256 || size !== Number(file.sizeBytes)) {
      throw new AgentError('file_integrity_error', `The stored content of file ${file.id} does not match its sha256`);
    }
  }
  return Readable.from(checked(), { objectMode: false });
}
