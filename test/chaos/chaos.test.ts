import { runChaos } from './chaos';

// `npm test` runs a short variant; `npm run chaos` the full one (CHAOS_* sizes it). Both check the
// same things: every task ends as its input implies, one terminal event and at most the expected
// result artifacts each, every file artifact downloadable with its hash, every event delivered
// and correctly signed, and /metrics agreeing with the tasks' states.
const size = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const options = {
  tasks: size('CHAOS_TASKS', 12),
  workerKills: size('CHAOS_WORKER_KILLS', 2),
  temporalRestarts: size('CHAOS_TEMPORAL_RESTARTS', 1),
  postgresRestarts: size('CHAOS_POSTGRES_RESTARTS', 1),
  deadlineMs: size('CHAOS_DEADLINE_MS', 150_000),
  log: (line: string) => process.stderr.write(`[chaos] ${line}\n`),
};

describe('chaos', () => {
  it(`survives ${options.workerKills} worker SIGKILLs, ${options.temporalRestarts} Temporal and ${options.postgresRestarts} PostgreSQL restarts and a flaky webhook receiver, losing and duplicating nothing`, async () => {
    const report = await runChaos(options);
    process.stderr.write(`[chaos] report ${JSON.stringify(report, null, 2)}\n`);
    expect(report.faults).toMatchObject({ workerKills: options.workerKills, temporalRestarts: options.temporalRestarts, postgresRestarts: options.postgresRestarts });
    expect(report.faults.webhookFailures).toBeGreaterThan(0);
    expect(report.lost).toEqual({ tasks: [], events: [] });
    expect(report.duplicated).toEqual([]);
    expect(report.missingContent).toEqual([]);
    expect(report.badSignatures).toBe(0);
    const expected = Math.floor(options.tasks / 4);
    expect(report.metricsTasks.complete).toBeGreaterThanOrEqual(2 * expected);
    expect((report.metricsTasks.complete ?? 0) + (report.metricsTasks.failed ?? 0)).toBe(options.tasks);
  }, size('CHAOS_DEADLINE_MS', 150_000) + 60_000);
});
