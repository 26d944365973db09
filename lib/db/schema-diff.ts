import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/*
 * Migration SQL authoring without the native schema engine (see PLATFORM.md, "Prisma 7"): the
 * Prisma 7 CLI cannot run `migrate diff` offline, but Prisma 6.19's WASM schema engine can diff
 * two schema files when given a driver adapter. That toolchain lives outside the project (its
 * versions clash with Prisma 7) in a per-machine cache, installed on first use.
 */

const PRISMA_6_VERSION = '6.19.3';
const TOOLCHAIN_DIR = path.join(os.homedir(), '.cache', 'taskwright', `prisma-${PRISMA_6_VERSION}`);
const PRISMA_CLI = path.join(TOOLCHAIN_DIR, 'node_modules', 'prisma', 'build', 'index.js');
// The scratch config reads the URL from here, so no credentials are written to disk.
const URL_VARIABLE = 'TASKWRIGHT_SCHEMA_DIFF_DATABASE_URL';

export interface SchemaDiffInput {
  /** Prisma schema text to migrate from; null means an empty database. */
  from: string | null;
  /** Prisma schema text to migrate to. */
  to: string;
  /** Any reachable PostgreSQL: the WASM engine connects once at start-up, but reads and writes nothing. */
  databaseUrl: string;
}

/** The SQL that takes a database from schema `from` to schema `to`, as `prisma migrate dev` would write it. */
export async function schemaDiffSql({ from, to, databaseUrl }: SchemaDiffInput): Promise<string> {
  await ensureToolchain();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'taskwright-schema-diff-'));
  try {
    fs.mkdirSync(path.join(scratch, 'prisma'));
    fs.writeFileSync(path.join(scratch, 'prisma', 'schema.prisma'), toPrisma6Schema(to));
    fs.writeFileSync(path.join(scratch, 'prisma.config.ts'), prismaConfig());
    const fromArgs = from === null ? ['--from-empty'] : ['--from-schema-datamodel', 'from.prisma'];
    if (from !== null) fs.writeFileSync(path.join(scratch, 'from.prisma'), toPrisma6Schema(from));

    const stdout = await run(
      process.execPath,
      [PRISMA_CLI, 'migrate', 'diff', ...fromArgs, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
      {
        cwd: scratch,
        env: {
          ...process.env,
          [URL_VARIABLE]: databaseUrl,
          // Offline machines: skip the update check instead of waiting for it to time out.
          CHECKPOINT_DISABLE: '1',
          PRISMA_HIDE_UPDATE_MESSAGE: '1',
          // When the schema is invalid the CLI cannot see engineType = "client" and tries to
          // download a query engine first, which offline hides the real validation error behind
          // a network one; pointing this at any existing file skips that download.
          PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
        },
      },
      'prisma migrate diff',
    );
    // Prisma announces the config file it loaded; that line is not SQL.
    const sql = stdout.replace(/^\s*Loaded Prisma config from .*\n/, '').replace(/^(\s*\n)+/, '');
    return sql.endsWith('\n') ? sql : `${sql}\n`;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Rewrites a Prisma 7 schema into one Prisma 6 accepts: the generator becomes the classic
 * client with the Rust-free engine (which the adapter-based schema engine requires), and the
 * datasource regains the `url` line Prisma 7 moved into prisma.config.ts. Models are untouched,
 * and so are their line numbers in Prisma's error messages: the old generator's lines become
 * blank, less one that pays for the added `url` line, and the new generator goes at the end.
 */
function toPrisma6Schema(schema: string): string {
  const out: string[] = [];
  let block: 'generator' | 'datasource' | null = null;
  for (const line of schema.split('\n')) {
    const opening = /^\s*(generator|datasource)\s+\w+\s*\{/.exec(line);
    if (opening) {
      block = opening[1] as 'generator' | 'datasource';
      out.push(block === 'datasource' ? line : '');
    } else if (block !== null && /^\s*\}/.test(line)) {
      if (block === 'datasource') out.push(`  url = env("${URL_VARIABLE}")`, line);
      block = null;
    } else if (block === 'generator' || (block === 'datasource' && /^\s*(url|directUrl|shadowDatabaseUrl)\s*=/.test(line))) {
      out.push('');
    } else {
      out.push(line);
    }
  }
  out.push('', 'generator client {', '  provider   = "prisma-client-js"', '  engineType = "client"', '}', '');
  return out.join('\n');
}

function prismaConfig(): string {
  const modules = path.join(TOOLCHAIN_DIR, 'node_modules');
  // Absolute imports: the scratch folder has no node_modules of its own. allowExitOnIdle lets
  // the CLI exit as soon as it is done instead of waiting ~10 s for pg's idle pool timeout.
  return `import { defineConfig } from ${JSON.stringify(path.join(modules, 'prisma', 'config'))};
import { PrismaPg } from ${JSON.stringify(path.join(modules, '@prisma', 'adapter-pg'))};

export default defineConfig({
  engine: 'js',
  experimental: { adapter: true },
  schema: 'prisma/schema.prisma',
  async adapter() {
    return new PrismaPg({ connectionString: process.env.${URL_VARIABLE}, allowExitOnIdle: true });
  },
});
`;
}

/**
 * Installs prisma and @prisma/adapter-pg into the cache unless already there. Each install goes
 * to its own temporary folder that is renamed into place, so concurrent callers (parallel test
 * workers) never see a half-installed toolchain; a loser of the race discards its copy.
 */
async function ensureToolchain(): Promise<void> {
  if (fs.existsSync(PRISMA_CLI)) return;
  fs.mkdirSync(path.dirname(TOOLCHAIN_DIR), { recursive: true });
  const staging = fs.mkdtempSync(`${TOOLCHAIN_DIR}.installing-`);
  try {
    // A package.json and --prefix pin the install here: npm would otherwise pick the nearest
    // ancestor project, or the enclosing project when run under `npm test`.
    fs.writeFileSync(path.join(staging, 'package.json'), '{ "private": true }\n');
    await run(
      'npm',
      // --ignore-scripts: Prisma's postinstall would try to download native engines, which the
      // WASM engine does not need and an offline machine cannot fetch.
      ['install', '--prefix', staging, '--no-save', '--ignore-scripts', '--no-audit', '--no-fund',
        `prisma@${PRISMA_6_VERSION}`, `@prisma/adapter-pg@${PRISMA_6_VERSION}`],
      { cwd: staging, env: process.env },
      `npm install prisma@${PRISMA_6_VERSION}`,
    );
    try {
      fs.renameSync(staging, TOOLCHAIN_DIR);
    } catch (error) {
      // Another process installed it first; its copy is as good as ours.
      if (!fs.existsSync(PRISMA_CLI)) throw error;
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Runs a program (no shell) and returns its stdout; on failure, throws with the output's tail. */
function run(file: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { ...options, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 600_000 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      if (error.code === 'ENOENT') return reject(new Error(`${what} failed: ${file} was not found on PATH.`));
      const output = `${stderr}\n${stdout}`.trim().split('\n').slice(-30).join('\n');
      reject(new Error(`${what} failed (${error.code ?? error.signal ?? error.message}):\n${output}`));
    });
  });
}
