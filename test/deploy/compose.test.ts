import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

// No container engine runs on CI machines, so docker-compose.yml is checked for what would make
// it fail or leak when run: deprecated images, storage the API and the worker do not share,
// ports on public interfaces, and commands other than the ones the tests run natively.

interface Service {
  image?: string;
  build?: unknown;
  command?: string[] | string;
  entrypoint?: string[] | string;
  ports?: string[];
  volumes?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
}

const ROOT = path.join(__dirname, '..', '..');
const compose = parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service>; volumes?: Record<string, unknown> };
const services = compose.services;
const packageScripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** `[host-ip:]host:container` → the host interface it binds (all interfaces when none is given). */
function publishedOn(port: string): string {
  const parts = port.split(':');
  return parts.length === 3 ? parts[0]! : '0.0.0.0';
}

describe('docker-compose.yml', () => {
  it('runs Temporal from the supported images: temporalio/server with a one-shot admin-tools schema setup, no auto-setup', () => {
    const images = Object.values(services).flatMap((service) => service.image ?? []);
    expect(images.filter((image) => image.startsWith('temporalio/auto-setup'))).toEqual([]);
    expect(services.temporal?.image).toMatch(/^temporalio\/server:\d+\.\d+\.\d+$/);

    const schema = services['temporal-schema']!;
    expect(schema.image).toMatch(/^temporalio\/admin-tools:/);
    const script = [schema.command].flat().join('\n');
    for (const db of ['temporal', 'temporal_visibility']) {
      expect(script).toContain(`--db ${db} setup-schema -v 0.0`);
      expect(script).toMatch(new RegExp(`--db ${db} update-schema -d /etc/temporal/schema/postgresql/v12/(temporal|visibility)/versioned`));
    }
    expect(services.temporal!.depends_on?.['temporal-schema']).toEqual({ condition: 'service_completed_successfully' });
    // The server's config template reads the same database the schema job set up.
    expect(services.temporal!.environment).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgresql', DBNAME: 'temporal', VISIBILITY_DBNAME: 'temporal_visibility' });
    expect(schema.environment).toMatchObject({ SQL_PLUGIN: 'postgres12', SQL_HOST: 'postgresql' });
  });

  it('gives the API and the worker one artifact store', () => {
    const api = services.api!;
    const worker = services.worker!;
    expect(api.environment?.ARTIFACT_DIR).toBeDefined();
    expect(worker.environment).toEqual(api.environment);
    const mountOf = (service: Service) => service.volumes?.find((volume) => volume.split(':')[1] === api.environment!.ARTIFACT_DIR);
    expect(mountOf(api)).toBeDefined();
    expect(mountOf(worker)).toBe(mountOf(api));
    // A named volume, not a path inside each container.
    expect(Object.keys(compose.volumes ?? {})).toContain(mountOf(api)!.split(':')[0]);
  });

  it('publishes only the API on public interfaces: PostgreSQL and Temporal gRPC stay internal, the UI on loopback', () => {
    const published = Object.entries(services).flatMap(([name, service]) => (service.ports ?? []).map((port) => ({ name, port, on: publishedOn(port) })));
    expect(published.filter(({ on }) => on !== '127.0.0.1').map(({ name }) => name)).toEqual(['api']);
    expect(services.postgresql!.ports).toBeUndefined();
    expect(services.temporal!.ports).toBeUndefined();
    expect(services['temporal-ui']!.ports).toEqual(['127.0.0.1:8233:8080']);
  });

  it('runs the API and the worker with the commands the tests and npm start run natively', () => {
    expect([services.api!.command].flat().join(' ')).toBe(packageScripts['start:server']);
    expect([services.worker!.command].flat().join(' ')).toBe(packageScripts['start:worker']);
    // What those commands run is what `npm run build` produces.
    for (const script of ['server.ts', 'worker.ts']) expect(fs.existsSync(path.join(ROOT, script))).toBe(true);
    expect(services.api!.build).toBe('.');
    expect(services.worker!.build).toBe('.');
  });

  it('mounts the Temporal dynamic config that the dev server gets on its command line', () => {
    const mount = services.temporal!.volumes!.find((volume) => volume.includes('dynamicconfig'))!;
    const [source, target] = mount.split(':');
    expect(fs.existsSync(path.join(ROOT, source!))).toBe(true);
    expect(services.temporal!.environment!.DYNAMIC_CONFIG_FILE_PATH).toBe(path.relative('/etc/temporal', target!));
    expect(fs.readFileSync(path.join(ROOT, source!), 'utf8')).toMatch(/matching\.useNewMatcher:\s*\n\s*- value: true/);
  });
});
