import path from 'node:path';
import { ConfigError, loadConfig } from '../lib/config';

/** loadConfig(env) must throw a ConfigError whose message names `variable`. */
function expectConfigError(env: NodeJS.ProcessEnv, variable: string): ConfigError {
  let thrown: unknown;
  try {
    loadConfig(env);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ConfigError);
  const error = thrown as ConfigError;
  expect(error.name).toBe('ConfigError');
  expect(error.message).toContain(variable);
  return error;
}

describe('loadConfig defaults', () => {
  it('fills in every default from an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe('0.0.0.0');
    expect(config.TASK_QUEUE).toBe('taskwright');
    expect(config.TEMPORAL_ADDRESS).toBe('127.0.0.1:7233');
    expect(config.TEMPORAL_NAMESPACE).toBe('default');
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.MAX_BODY_BYTES).toBe(1_048_576);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.TASKWRIGHT_DEV_API_KEY).toBeUndefined();
    expect(config.DATA_DIR).toBe('.data');
    expect(config.publicBaseUrl).toBe('http://localhost:3000');
  });

  it('resolves DATA_DIR to an absolute dataDir', () => {
    const config = loadConfig({});
    expect(path.isAbsolute(config.dataDir)).toBe(true);
    expect(config.dataDir).toBe(path.resolve('.data'));
    expect(loadConfig({ DATA_DIR: 'some/where' }).dataDir).toBe(path.resolve('some/where'));
    expect(loadConfig({ DATA_DIR: '/var/lib/taskwright' }).dataDir).toBe('/var/lib/taskwright');
  });

  it('reads given values and coerces numbers', () => {
    const config = loadConfig({
      PORT: '8080',
      TASK_QUEUE: 'queue-a',
      TEMPORAL_ADDRESS: 'temporal.internal:7233',
      LOG_LEVEL: 'debug',
      DATABASE_URL: 'postgresql://user:secret@db.internal:5432/taskwright',
      TASKWRIGHT_DEV_API_KEY: 'tw_0123456789abcdefXYZ',
      MAX_BODY_BYTES: '2048',
      PUBLIC_BASE_URL: 'https://tasks.example.com/',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      TASK_QUEUE: 'queue-a',
      TEMPORAL_ADDRESS: 'temporal.internal:7233',
      LOG_LEVEL: 'debug',
      DATABASE_URL: 'postgresql://user:secret@db.internal:5432/taskwright',
      TASKWRIGHT_DEV_API_KEY: 'tw_0123456789abcdefXYZ',
      MAX_BODY_BYTES: 2048,
      publicBaseUrl: 'https://tasks.example.com',
    });
    expect(loadConfig({ PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/db' }).DATABASE_URL).toBe('postgres://localhost/db');
  });

  it('treats an empty string as unset', () => {
    const config = loadConfig({
      PORT: '',
      HOST: '',
      DATABASE_URL: '',
      DATA_DIR: '',
      TEMPORAL_ADDRESS: '',
      TASK_QUEUE: '',
      TASKWRIGHT_DEV_API_KEY: '',
      PUBLIC_BASE_URL: '',
      LOG_LEVEL: '',
      MAX_BODY_BYTES: '',
    });
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      DATA_DIR: '.data',
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TASK_QUEUE: 'taskwright',
      LOG_LEVEL: 'info',
      MAX_BODY_BYTES: 1_048_576,
      publicBaseUrl: 'http://localhost:3000',
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.TASKWRIGHT_DEV_API_KEY).toBeUndefined();
    expect(config.dataDir).toBe(path.resolve('.data'));
  });
});

describe('loadConfig rejects bad values with a ConfigError naming the variable', () => {
  it.each([['abc'], ['-1'], ['65536'], ['80.5']])('PORT=%s', (value) => {
    expectConfigError({ PORT: value }, 'PORT');
  });

  it.each([['verbose'], ['loud']])('LOG_LEVEL=%s', (value) => {
    expectConfigError({ LOG_LEVEL: value }, 'LOG_LEVEL');
  });

  it.each([['mysql://user@localhost/db'], ['http://localhost:5432/db'], ['not a url']])('DATABASE_URL=%s', (value) => {
    expectConfigError({ DATABASE_URL: value }, 'DATABASE_URL');
  });

  it.each([['sk_0123456789abcdefXYZ'], ['0123456789abcdefXYZ'], ['tw_short']])('TASKWRIGHT_DEV_API_KEY=%s', (value) => {
    expectConfigError({ TASKWRIGHT_DEV_API_KEY: value }, 'TASKWRIGHT_DEV_API_KEY');
  });

  it('TEMPORAL_ADDRESS without a port', () => {
    expectConfigError({ TEMPORAL_ADDRESS: 'temporal.internal' }, 'TEMPORAL_ADDRESS');
  });

  it('names only the offending variable, and every one of several', () => {
    const single = expectConfigError({ PORT: '3001', LOG_LEVEL: 'nope' }, 'LOG_LEVEL');
    expect(single.message).not.toContain('PORT');

    const several = expectConfigError({ PORT: 'x', LOG_LEVEL: 'nope', DATABASE_URL: 'mysql://h/db' }, 'PORT');
    expect(several.message).toContain('LOG_LEVEL');
    expect(several.message).toContain('DATABASE_URL');
  });
});

describe('event and webhook settings', () => {
  it('default to live-stream keep-alives every 15 s and three days of webhook retries, private targets refused', () => {
    const config = loadConfig({});
    expect(config.SSE_KEEPALIVE_MS).toBe(15_000);
    expect(config.WEBHOOK_RETRY_WINDOW_MS).toBe(3 * 86_400_000);
    expect(config.OUTBOUND_ALLOW_PRIVATE_NETWORKS).toBe(false);
    expect(loadConfig({ OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true' }).OUTBOUND_ALLOW_PRIVATE_NETWORKS).toBe(true);
  });

  it('still takes WEBHOOK_ALLOW_PRIVATE_NETWORKS, the old name of OUTBOUND_ALLOW_PRIVATE_NETWORKS, but not both saying different things', () => {
    expect(loadConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' }).OUTBOUND_ALLOW_PRIVATE_NETWORKS).toBe(true);
    expect(loadConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true' }).OUTBOUND_ALLOW_PRIVATE_NETWORKS).toBe(true);
    expect(loadConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' })).not.toHaveProperty('WEBHOOK_ALLOW_PRIVATE_NETWORKS');
    expectConfigError({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'false' }, 'OUTBOUND_ALLOW_PRIVATE_NETWORKS');
  });

  it.each([
    ['OUTBOUND_ALLOW_PRIVATE_NETWORKS', 'yes'],
    ['WEBHOOK_ALLOW_PRIVATE_NETWORKS', 'yes'],
    ['WEBHOOK_RETRY_INITIAL_MS', 'soon'],
    ['SSE_KEEPALIVE_MS', '0'],
    ['SSE_MAX_QUEUED_EVENTS', '-1'],
  ])('refuses %s=%s naming it', (variable, value) => {
    expectConfigError({ [variable]: value }, variable);
  });
});

describe('file and fetch limits', () => {
  it('default to 100 MiB uploads and fetches and a 30 s fetch timeout', () => {
    expect(loadConfig({})).toMatchObject({ FILE_MAX_BYTES: 104_857_600, FETCH_MAX_BYTES: 104_857_600, FETCH_TIMEOUT_MS: 30_000 });
    expect(loadConfig({ FILE_MAX_BYTES: '1024' }).FILE_MAX_BYTES).toBe(1024);
  });

  it.each([
    ['FILE_MAX_BYTES', '0'],
    ['FETCH_MAX_BYTES', 'lots'],
    ['FETCH_TIMEOUT_MS', '5'],
  ])('refuses %s=%s naming it', (variable, value) => {
    expectConfigError({ [variable]: value }, variable);
  });
});

describe('artifact storage settings', () => {
  it('keeps artifacts on the local filesystem under DATA_DIR unless told otherwise', () => {
    const config = loadConfig({ DATA_DIR: '/var/lib/taskwright' });
    expect(config).toMatchObject({ ARTIFACT_STORE: 'local', artifactDir: '/var/lib/taskwright/artifacts', ARTIFACT_URL_TTL_SECONDS: 900 });
  });

  it('needs a bucket for S3, and both halves of a key pair or neither', () => {
    expectConfigError({ ARTIFACT_STORE: 's3' }, 'S3_BUCKET');
    expectConfigError({ ARTIFACT_STORE: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'id' }, 'S3_SECRET_ACCESS_KEY');
    expect(loadConfig({ ARTIFACT_STORE: 's3', S3_BUCKET: 'b', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_FORCE_PATH_STYLE: 'true' })).toMatchObject({
      S3_BUCKET: 'b',
      S3_FORCE_PATH_STYLE: true,
    });
  });

  it('takes a comma-separated list of long enough URL signing secrets', () => {
    const secret = 'x'.repeat(32);
    expect(loadConfig({ ARTIFACT_URL_SECRETS: `${secret}, ${secret}y` }).ARTIFACT_URL_SECRETS).toEqual([secret, `${secret}y`]);
    expectConfigError({ ARTIFACT_URL_SECRETS: 'short' }, 'ARTIFACT_URL_SECRETS');
  });
});

describe('mail settings', () => {
  it('sends through the outbox unless an SMTP URL is given; the sender has a default', () => {
    const defaults = loadConfig({});
    expect(defaults.SMTP_URL).toBeUndefined();
    expect(defaults.SMTP_FROM).toBe('Taskwright <no-reply@localhost>');
    expect(loadConfig({ SMTP_URL: 'smtps://user:secret@mail.example.com:465', SMTP_FROM: 'sales@example.com' })).toMatchObject({
      SMTP_URL: 'smtps://user:secret@mail.example.com:465',
      SMTP_FROM: 'sales@example.com',
    });
  });

  it.each([
    ['SMTP_URL', 'http://mail.example.com'],
    ['SMTP_URL', 'mail.example.com:25'],
    ['SMTP_FROM', 'Taskwright'],
    ['SMTP_FROM', 'Taskwright <no-reply>'],
  ])('refuses %s=%s naming it', (variable, value) => {
    expectConfigError({ [variable]: value }, variable);
  });
});

describe('audit evidence settings', () => {
  it('allow no server directory by default, and cap what evidence may unpack to', () => {
    expect(loadConfig({})).toMatchObject({ AUDIT_ALLOWED_DIRS: [], AUDIT_MAX_EXTRACTED_BYTES: 512 * 1024 * 1024, AUDIT_MAX_FILES: 100_000 });
  });

  it('take a comma-separated list of absolute directories', () => {
    expect(loadConfig({ AUDIT_ALLOWED_DIRS: '/srv/repos, /data/evidence,' }).AUDIT_ALLOWED_DIRS).toEqual(['/srv/repos', '/data/evidence']);
    expectConfigError({ AUDIT_ALLOWED_DIRS: '/srv/repos,relative/dir' }, 'AUDIT_ALLOWED_DIRS');
    expectConfigError({ AUDIT_MAX_FILES: '0' }, 'AUDIT_MAX_FILES');
  });
});

describe('agent settings', () => {
  it('dispatch to registered agents within 10 s by default', () => {
    expect(loadConfig({}).AGENT_DISPATCH_TIMEOUT_MS).toBe(10_000);
  });

  it('enable the llm agent with all three of its settings or none', () => {
    const llm = { LLM_BASE_URL: 'http://127.0.0.1:8000/v1', LLM_API_KEY: 'sk-x', LLM_MODEL: 'small' };
    expect(loadConfig(llm)).toMatchObject({ ...llm, LLM_TIMEOUT_MS: 120_000 });
    expect(loadConfig({}).LLM_BASE_URL).toBeUndefined();
    expectConfigError({ LLM_BASE_URL: llm.LLM_BASE_URL, LLM_API_KEY: 'sk-x' }, 'LLM_MODEL');
    expectConfigError({ ...llm, LLM_BASE_URL: 'ftp://models' }, 'LLM_BASE_URL');
  });
});
