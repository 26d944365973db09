import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { canConnect } from '../../scripts/local-postgres';

const PASSWORD = 'chaos';

/**
 * A PostgreSQL server of this run's own (own data directory, port and socket directory), which it
 * may crash and restart without touching the machine's shared cluster that other test runs use.
 */
export class PrivatePostgres {
  private constructor(
    private readonly dataDir: string,
    readonly port: number,
  ) {}

  get adminUrl(): string {
    return `postgresql://postgres:${PASSWORD}@127.0.0.1:${this.port}/postgres`;
  }

  static async start(port: number): Promise<PrivatePostgres> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'taskwright-chaos-pg-'));
    fs.chmodSync(root, 0o755);
    const dataDir = path.join(root, 'data');
    fs.mkdirSync(dataDir, { mode: 0o700 });
    execFileSync('chown', ['-R', 'postgres:postgres', root]);
    const passwordFile = path.join(root, 'password');
    fs.writeFileSync(passwordFile, PASSWORD);
    execFileSync('chown', ['postgres:postgres', passwordFile]);
    asPostgres(`${bin('initdb')} -D ${dataDir} -U postgres --auth=md5 --pwfile=${passwordFile} -E UTF8 >/dev/null`);
    const server = new PrivatePostgres(dataDir, port);
    await server.startServer();
    return server;
  }

  /** Crashes the server (immediate shutdown: no checkpoint, as a killed machine) and starts it again. */
  async restart(): Promise<void> {
    asPostgres(`${bin('pg_ctl')} -D ${this.dataDir} -m immediate -w stop >/dev/null`);
    await this.startServer();
  }

  async stop(): Promise<void> {
    asPostgres(`${bin('pg_ctl')} -D ${this.dataDir} -m fast -w stop >/dev/null`);
    fs.rmSync(path.dirname(this.dataDir), { recursive: true, force: true });
  }

  private async startServer(): Promise<void> {
    const options = `-p ${this.port} -k ${path.dirname(this.dataDir)} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`;
    asPostgres(`${bin('pg_ctl')} -D ${this.dataDir} -o "${options}" -l ${path.join(path.dirname(this.dataDir), 'server.log')} -w start >/dev/null`);
    const deadline = Date.now() + 30_000;
    while (!(await canConnect(this.adminUrl))) {
      if (Date.now() > deadline) throw new Error(`private PostgreSQL on port ${this.port} did not come up`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

function asPostgres(command: string): void {
  execFileSync('su', ['postgres', '-c', command], { stdio: ['ignore', 'inherit', 'inherit'] });
}

/** The newest installed PostgreSQL's server binaries (Debian layout). */
function bin(name: string): string {
  const versions = fs.readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  return path.join('/usr/lib/postgresql', versions[0]!, 'bin', name);
}
