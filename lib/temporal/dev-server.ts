import { TestWorkflowEnvironment } from '@temporalio/testing';
import { TASK_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { NO_TEMPORAL_CLI, resolveTemporalCli } from './cli';

export interface DevServerOptions {
  /** SQLite file that keeps workflow history across restarts; in-memory when omitted. */
  dbFilename?: string;
  ip?: string;
  /** gRPC port; a free one when omitted. */
  port?: number;
  /** Web UI port; no UI when omitted. */
  uiPort?: number;
  namespace?: string;
  log?: (message: string) => void;
}

export interface DevServer {
  address: string;
  teardown(): Promise<void>;
}

/** Starts a Temporal dev server from the resolved CLI (see cli.ts). */
export async function startTemporalDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const cli = resolveTemporalCli(options.log);
  try {
    const env = await TestWorkflowEnvironment.createLocal({
      server: {
        executable: cli ? { type: 'existing-path', path: cli } : { type: 'cached-download' },
        dbFilename: options.dbFilename,
        ip: options.ip ?? '127.0.0.1',
        port: options.port,
        ui: options.uiPort !== undefined,
        uiPort: options.uiPort,
        namespace: options.namespace ?? 'default',
        searchAttributes: TASK_SEARCH_ATTRIBUTES,
        // Task-queue priority (a task's `priority`) needs the priority-aware matcher; one
        // partition keeps the order strict on a single dev server.
        extraArgs: [
          '--dynamic-config-value',
          'matching.useNewMatcher=true',
          '--dynamic-config-value',
          'matching.numTaskqueueReadPartitions=1',
          '--dynamic-config-value',
          'matching.numTaskqueueWritePartitions=1',
          // A history file in WAL mode with NORMAL sync doubles the dev server's throughput; a
          // power loss (not a crash of the process) may lose the last moments of history.
          ...(options.dbFilename ? ['--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal'] : []),
        ],
      },
    });
    return { address: env.address, teardown: () => env.teardown() };
  } catch (error) {
    if (!cli) throw new Error(`${NO_TEMPORAL_CLI} (The SDK's own download failed: ${(error as Error).message})`);
    throw error;
  }
}
