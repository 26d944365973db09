/**
 * Where a process spent its CPU: reads the `.cpuprofile` files `BENCH_CPU_PROFILE=<dir> npm run
 * bench` leaves (or any V8 CPU profiles) and prints, per profile, self time by package or
 * project directory and the functions with the most self time.
 *
 *   node dist/bench/profile-summary.js <dir or file>... [--top N]
 */
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const PROJECT_ROOT = path.join(__dirname, '..', '..');

/** `node_modules/@scope/pkg`, `node:internal`, a project directory (`api/`, `lib/db/`, …) or a category. */
function ownerOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node: (Node.js itself)';
  if (url.startsWith('wasm://')) return 'wasm (WebAssembly: PGlite, Prisma\'s query compiler)';
  const file = url.replace(/^file:\/\//, '');
  const modules = file.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = file.slice(modules + 'node_modules/'.length).split('/');
    return `node_modules/${parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]}`;
  }
  const relative = path.relative(PROJECT_ROOT, file);
  if (relative.startsWith('..')) return file;
  const parts = relative.replace(/^dist\//, '').split('/');
  return parts.length > 2 ? `${parts.slice(0, 2).join('/')}/` : parts.length === 2 ? `${parts[0]}/` : parts[0]!;
}

/** A frame's file as `node_modules/…` or relative to the project (node_modules may be a symlink). */
function shortUrl(url: string): string {
  const file = url.replace(/^file:\/\//, '');
  const modules = file.lastIndexOf('node_modules/');
  if (modules >= 0) return file.slice(modules);
  return url.startsWith('file://') || file.startsWith('/') ? path.relative(PROJECT_ROOT, file) : url;
}

/** Node names profiles CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile; thread 0 is the main one. */
function threadOf(file: string): string {
  const match = /\.(\d+)\.(\d+)\.\d+\.cpuprofile$/.exec(path.basename(file));
  if (!match) return '';
  return match[2] === '0' ? ` (process ${match[1]}, main thread)` : ` (process ${match[1]}, worker thread ${match[2]}: Temporal's workflow threads run there)`;
}

function summarize(file: string, top: number): string {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const total = [...self.values()].reduce((sum, value) => sum + value, 0);
  const idle = [...self.entries()].filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)').reduce((sum, [, value]) => sum + value, 0);
  const owners = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, micros] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    const owner = ownerOf(url, functionName);
    owners.set(owner, (owners.get(owner) ?? 0) + micros);
    const name = `${functionName || '(anonymous)'} ${url ? `${shortUrl(url)}:${lineNumber + 1}` : ''}`.trim();
    functions.set(name, (functions.get(name) ?? 0) + micros);
  }
  const busy = total - idle;
  const share = (micros: number) => `${((100 * micros) / busy).toFixed(1).padStart(5)} %`;
  const lines = [
    `${file}${threadOf(file)}: ${(total / 1e6).toFixed(1)} s profiled, ${(busy / 1e6).toFixed(1)} s on the CPU (${((100 * busy) / total).toFixed(0)} %)`,
    '  by owner (share of CPU time):',
    ...[...owners.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([owner, micros]) => `    ${share(micros)}  ${owner}`),
    '  by function (self time):',
    ...[...functions.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, micros]) => `    ${share(micros)}  ${name}`),
  ];
  return lines.join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const topIndex = args.indexOf('--top');
  const top = topIndex >= 0 ? Number(args.splice(topIndex, 2)[1]) : 15;
  if (args.length === 0) {
    process.stderr.write('usage: node dist/bench/profile-summary.js <dir or .cpuprofile>... [--top N]\n');
    process.exit(2);
  }
  const files = args.flatMap((arg) =>
    fs.statSync(arg).isDirectory()
      ? fs.readdirSync(arg, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.cpuprofile')).map((name) => path.join(arg, name))
      : [arg],
  );
  for (const file of files.sort()) process.stdout.write(`${summarize(file, top)}\n\n`);
}

main();
