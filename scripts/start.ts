// `npm start`: everything on embedded defaults in one command. Starts a Temporal dev server
// (SQLite under the data directory, Web UI) unless TEMPORAL_ADDRESS is set, then the API and
// the worker: as two child processes with DATABASE_URL, as one (owning the embedded database)
// without it.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { generateApiKey } from '../lib/auth/api-keys';
import { loadConfigOrExit } from '../lib/config';
import { startTemporalDevServer } from '../lib/temporal/dev-server';
import { stopChild, waitForWorker, waitUntilReady } from './child-processes';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  const children: ChildProcess[] = [];
  let stopping = false;

  const shutdown = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    say('Stopping Taskwright...');
    await Promise.all(children.map((child) => stopChild(child, config.SHUTDOWN_GRACE_MS + 5_000)));
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => say(`  ${(error as Error).message}`));
    say('Stopped.');
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    const env: NodeJS.ProcessEnv = { ...process.env };
    let temporalUiUrl = config.TEMPORAL_UI_URL;
    if (!process.env.TEMPORAL_ADDRESS) {
      say('Starting the Temporal dev server...');
      const temporal = await startTemporalDevServer({
        dbFilename: path.join(config.dataDir, 'temporal.db'),
        port: config.TEMPORAL_DEV_PORT,
        uiPort: config.TEMPORAL_UI_PORT,
        namespace: config.TEMPORAL_NAMESPACE,
        log: say,
      });
      stops.push(() => temporal.teardown());
      env.TEMPORAL_ADDRESS = temporal.address;
      temporalUiUrl = process.env.TEMPORAL_UI_URL || `http://localhost:${config.TEMPORAL_UI_PORT}`;
      env.TEMPORAL_UI_URL = temporalUiUrl;
    }
    env.TASKWRIGHT_DEV_API_KEY = config.TASKWRIGHT_DEV_API_KEY ?? readOrCreateDevKey(config.dataDir);

    // The API migrates the database before it listens, so it starts first. Without DATABASE_URL
    // it opens the embedded database, which only one process may use, and runs the worker too.
    if (!config.DATABASE_URL) say('Starting the API and worker on the embedded PostgreSQL (PGlite)...');
    const api = startChild('api', 'server.js', env, shutdown);
    children.push(api);
    await waitUntilReady(`http://127.0.0.1:${config.PORT}/healthz`, api);
    const worker = config.DATABASE_URL ? startChild('worker', 'worker.js', env, shutdown) : api;
    if (worker !== api) children.push(worker);
    await waitUntilReady(`http://127.0.0.1:${config.PORT}/readyz`, api);
    await waitForWorker(env.TEMPORAL_ADDRESS ?? config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE, config.TASK_QUEUE, worker);

    say('');
    say('Taskwright is running.');
    say(`  Console      ${config.publicBaseUrl}/ (sign in with the dev API key)`);
    say(`  API          ${config.publicBaseUrl}/v1`);
    say(`  Health       ${config.publicBaseUrl}/readyz`);
    say(`  Docs         ${config.publicBaseUrl}/docs`);
    say(`  Temporal UI  ${temporalUiUrl}`);
    say(`  Dev API key  ${env.TASKWRIGHT_DEV_API_KEY}`);
    say(`  Database     ${config.DATABASE_URL ? 'DATABASE_URL' : `embedded, in ${config.dataDir}`}`);
    say('');
    say('Try it:');
    say(`  curl -X POST ${config.publicBaseUrl}/v1/tasks -H "Authorization: Bearer ${env.TASKWRIGHT_DEV_API_KEY}" \\`);
    say(`    -H "Content-Type: application/json" -d '{"agent_id": "echo", "task_type": "echo", "input": {"message": "hi"}}'`);
    say('Press Ctrl-C to stop.');
  } catch (error) {
    say(`Taskwright failed to start: ${(error as Error).message}`);
    await shutdown(1);
  }
}

// The dev key is kept beside the data so every start can print it; only its hash is in the database.
function readOrCreateDevKey(dataDir: string): string {
  const file = path.join(dataDir, 'dev-api-key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const key = generateApiKey();
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

function startChild(name: string, entry: string, env: NodeJS.ProcessEnv, onUnexpectedExit: (code: number) => Promise<void>): ChildProcess {
  const child = spawn(process.execPath, [path.join(__dirname, '..', entry)], { env, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (child.killed) return;
    say(`The ${name} process exited (${signal ?? `code ${code}`}); stopping everything.`);
    void onUnexpectedExit(1);
  });
  return child;
}

void main();
