import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './support/free-port';

// `npm start` as a user runs it (from dist/, built by `pretest`): Temporal dev server, embedded
// PGlite database, API and worker, on ports of its own and a scratch data directory.
const launcher = path.join(__dirname, '..', 'dist', 'scripts', 'start.js');


interface Launched {
  child: ChildProcess;
  output: () => string;
}

async function launch(env: NodeJS.ProcessEnv): Promise<Launched> {
  const child = spawn(process.execPath, [launcher], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 120_000;
  // The banner's last line: the lines before it may arrive in separate chunks.
  while (!output.includes('Press Ctrl-C to stop.')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`launcher did not become ready:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { child, output: () => output };
}

async function stop({ child }: Launched): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  return exited;
}

describe('npm start', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taskwright-launcher-'));
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      TEMPORAL_DEV_PORT: String(await freePort()),
      TEMPORAL_UI_PORT: String(await freePort()),
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
      TASKWRIGHT_DEV_API_KEY: '',
      LOG_LEVEL: 'warn',
    };
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('starts everything, runs the seed request to completion, stops cleanly and keeps the data', async () => {
    const first = await launch(env);
    const key = /Dev API key\s+(tw_\S+)/.exec(first.output())?.[1];
    expect(key).toBeDefined();
    expect(first.output()).toContain(`Temporal UI  http://localhost:${env.TEMPORAL_UI_PORT}`);
    const api = `http://127.0.0.1:${env.PORT}`;
    expect(first.output()).toContain(`Docs         http://localhost:${env.PORT}/docs`);
    expect((await fetch(`${api}/docs`)).status).toBe(200);
    expect(first.output()).toContain(`Console      http://localhost:${env.PORT}/ `);
    expect((await fetch(`${api}/`)).headers.get('content-type')).toContain('text/html');
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };

    const created = await fetch(`${api}/v1/tasks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ agent_id: 'echo', task_type: 'echo', input: { message: 'persist me' } }),
    });
    expect(created.status).toBe(202);
    const { task_id } = (await created.json()) as { task_id: string };
    let task: { status: string; artifacts: unknown[] } = { status: 'queued', artifacts: [] };
    for (let attempt = 0; attempt < 100 && task.status !== 'complete'; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      task = (await (await fetch(`${api}/v1/tasks/${task_id}`, { headers })).json()) as typeof task;
    }
    expect(task.status).toBe('complete');
    expect(task.artifacts).toHaveLength(1);

    // Seed 000's request, as written: the ai-readiness agent audits (no evidence yet) and reports.
    const audit = await fetch(`${api}/v1/tasks`, {
      method: 'POST',
      headers,
      body: '{\n"agent_id": "ai-readiness-agent",\n"task_type": "ai_readiness.full_audit",\n"input": {\n"scope": "full",\n"focus_framework": "eu_ai_act"\n}\n}',
    });
    expect(audit.status).toBe(202);
    const { task_id: auditId } = (await audit.json()) as { task_id: string };
    let audited: { status: string; artifacts: { type: string }[] } = { status: 'queued', artifacts: [] };
    for (let attempt = 0; attempt < 150 && !['complete', 'failed'].includes(audited.status); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      audited = (await (await fetch(`${api}/v1/tasks/${auditId}`, { headers })).json()) as typeof audited;
    }
    expect(audited.status).toBe('complete');
    expect(audited.artifacts.map((artifact) => artifact.type)).toContain('ai_readiness.audit_report');

    // The embedded database has one session: concurrent requests must not trip over each other.
    const burst = await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        fetch(`${api}/v1/tasks`, { method: 'POST', headers, body: JSON.stringify({ agent: 'echo', task_type: 'echo', input: { message: `burst ${index}` } }) }),
      ),
    );
    expect(burst.map((response) => response.status)).toEqual(Array(24).fill(202));
    const burstIds = await Promise.all(burst.map(async (response) => ((await response.json()) as { task_id: string }).task_id));
    for (let attempt = 0; attempt < 150; attempt++) {
      const listed = (await (await fetch(`${api}/v1/tasks?status=complete&limit=100`, { headers })).json()) as { tasks: { task_id: string }[] };
      if (burstIds.every((id) => listed.tasks.some((listedTask) => listedTask.task_id === id))) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const completed = (await (await fetch(`${api}/v1/tasks?status=complete&limit=100`, { headers })).json()) as { tasks: { task_id: string }[] };
    expect(burstIds.filter((id) => !completed.tasks.some((listedTask) => listedTask.task_id === id))).toEqual([]);

    expect(await stop(first)).toBe(0);
    expect(first.output()).toContain('Stopped.');
    await expect(fetch(`${api}/healthz`)).rejects.toThrow();

    const second = await launch(env);
    try {
      expect(second.output()).toContain(`Dev API key  ${key}`);
      const again = await fetch(`${api}/v1/tasks/${task_id}?consistency=strong`, { headers });
      expect(await again.json()).toMatchObject({ task_id, status: 'complete', consistency: 'strong' });
      expect(again.status).toBe(200);
    } finally {
      expect(await stop(second)).toBe(0);
    }
  }, 300_000);
});
