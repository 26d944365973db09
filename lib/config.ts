import path from 'node:path';
import { z } from 'zod';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const emptyAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalString = z.preprocess(emptyAsUnset, z.string().optional());
const port = z.coerce.number().int().min(0).max(65535);
const milliseconds = (min: number, fallback: number) => z.preprocess(emptyAsUnset, z.coerce.number().int().min(min).default(fallback));
// `no-reply@example.com` or `Name <no-reply@example.com>`.
const MAIL_FROM = /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;
const flag = z.preprocess(emptyAsUnset, z.enum(['true', 'false']).default('false').transform((value) => value === 'true'));
const optionalFlag = z.preprocess(emptyAsUnset, z.enum(['true', 'false']).transform((value) => value === 'true').optional());
const bytes = (fallback: number) => z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).default(fallback));
const MIB = 1024 * 1024;
const count = (fallback: number) => z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).default(fallback));
/** Requests per second (fractions allowed); 0 turns the limit off. */
const perSecond = (fallback: number) => z.preprocess(emptyAsUnset, z.coerce.number().min(0).max(1_000_000).default(fallback));
/** A comma-separated list of long secrets: the first one is used, all are accepted (rotation). */
const secretList = (what: string) =>
  z.preprocess(
    emptyAsUnset,
    z
      .string()
      .transform((value) => value.split(',').map((secret) => secret.trim()))
      .pipe(z.array(z.string().min(32, `each ${what} needs at least 32 characters`)).min(1))
      .optional(),
  );

/** Every environment variable Taskwright reads, parsed once at start-up. */
const envSchema = z.object({
  NODE_ENV: z.preprocess(emptyAsUnset, z.enum(['development', 'production', 'test']).default('development')),
  PORT: z.preprocess(emptyAsUnset, port.default(3000)),
  HOST: z.preprocess(emptyAsUnset, z.string().default('0.0.0.0')),
  DATABASE_URL: z.preprocess(emptyAsUnset, z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  DATABASE_POOL_SIZE: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(200).default(10)),
  DATA_DIR: z.preprocess(emptyAsUnset, z.string().default('.data')),
  TEMPORAL_ADDRESS: z.preprocess(emptyAsUnset, z.string().regex(/^[^:\s]+:\d+$/, 'expected host:port').default('127.0.0.1:7233')),
  TEMPORAL_NAMESPACE: z.preprocess(emptyAsUnset, z.string().min(1).default('default')),
  TEMPORAL_UI_URL: z.preprocess(emptyAsUnset, z.url().default('http://127.0.0.1:8233')),
  TASK_QUEUE: z.preprocess(emptyAsUnset, z.string().min(1).default('taskwright')),
  TASKWRIGHT_DEV_API_KEY: z.preprocess(emptyAsUnset, z.string().regex(/^tw_[A-Za-z0-9_-]{16,}$/, 'expected tw_ followed by at least 16 characters').optional()),
  PUBLIC_BASE_URL: optionalString.pipe(z.url().optional()),
  LOG_LEVEL: z.preprocess(emptyAsUnset, z.enum(logLevels).default('info')),
  METRICS_TOKEN: z.preprocess(emptyAsUnset, z.string().min(16, 'at least 16 characters').optional()),
  WORKER_METRICS_PORT: z.preprocess(emptyAsUnset, port.optional()),
  MAX_BODY_BYTES: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1024).default(1_048_576)),
  SHUTDOWN_GRACE_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).default(30_000)),
  TEMPORAL_DEV_PORT: z.preprocess(emptyAsUnset, port.default(7233)),
  TEMPORAL_UI_PORT: z.preprocess(emptyAsUnset, port.default(8233)),
  EMBEDDED_DATABASE_PORT: z.preprocess(emptyAsUnset, port.default(0)),
  EVENTS_POLL_INTERVAL_MS: milliseconds(50, 1_000),
  SSE_KEEPALIVE_MS: milliseconds(10, 15_000),
  SSE_MAX_QUEUED_EVENTS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).default(1_000)),
  // 0: a stream lasts as long as its client stays.
  SSE_MAX_STREAM_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).default(0)),
  // One policy for webhooks and fetched documents; WEBHOOK_ALLOW_PRIVATE_NETWORKS is its old name.
  OUTBOUND_ALLOW_PRIVATE_NETWORKS: optionalFlag,
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: optionalFlag,
  FETCH_MAX_BYTES: bytes(100 * MIB),
  FETCH_TIMEOUT_MS: milliseconds(100, 30_000),
  FILE_MAX_BYTES: bytes(100 * MIB),
  WEBHOOK_TIMEOUT_MS: milliseconds(100, 10_000),
  AGENT_DISPATCH_TIMEOUT_MS: milliseconds(100, 10_000),
  // The llm agent exists when all three are set.
  LLM_BASE_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  LLM_API_KEY: optionalString,
  LLM_MODEL: optionalString,
  LLM_TIMEOUT_MS: milliseconds(1_000, 120_000),
  WEBHOOK_RETRY_INITIAL_MS: milliseconds(10, 30_000),
  WEBHOOK_RETRY_MAX_INTERVAL_MS: milliseconds(10, 6 * 3_600_000),
  WEBHOOK_RETRY_WINDOW_MS: milliseconds(0, 3 * 86_400_000),
  ARTIFACT_STORE: z.preprocess(emptyAsUnset, z.enum(['local', 's3']).default('local')),
  ARTIFACT_DIR: optionalString,
  S3_BUCKET: optionalString,
  S3_PREFIX: z.preprocess(emptyAsUnset, z.string().default('')),
  S3_REGION: z.preprocess(emptyAsUnset, z.string().default('us-east-1')),
  S3_ENDPOINT: optionalString.pipe(z.url().optional()),
  S3_FORCE_PATH_STYLE: flag,
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  ARTIFACT_URL_SECRETS: secretList('secret'),
  WEBHOOK_SECRET_KEYS: secretList('key'),
  RATE_LIMIT_PER_KEY: perSecond(200),
  RATE_LIMIT_PER_TENANT: perSecond(500),
  RATE_LIMIT_UNAUTHENTICATED: perSecond(5),
  TENANT_MAX_WEBHOOKS: count(100),
  TENANT_MAX_QUEUED_TASKS: count(10_000),
  TENANT_MAX_RUNNING_TASKS: count(100),
  TENANT_MAX_STORAGE_BYTES: bytes(100 * 1024 * MIB),
  SSE_MAX_CONNECTIONS_PER_KEY: count(100),
  // How many event-triggered tasks may follow one another; a deeper chain ends in a failed task.
  TRIGGER_MAX_DEPTH: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(100).default(5)),
  RETENTION_INTERVAL_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(60_000).default(3_600_000)),
  ARTIFACT_URL_TTL_SECONDS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(10).max(7 * 86_400).default(900)),
  SMTP_URL: optionalString.pipe(z.url({ protocol: /^smtps?$/, hostname: /./ }).optional()),
  SMTP_FROM: z.preprocess(emptyAsUnset, z.string().regex(MAIL_FROM, 'expected an address, optionally with a name: Name <no-reply@example.com>').default('Taskwright <no-reply@localhost>')),
  AUDIT_ALLOWED_DIRS: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .transform((value) => value.split(',').map((dir) => dir.trim()).filter(Boolean))
      .pipe(z.array(z.string().refine((dir) => path.isAbsolute(dir), 'each directory must be an absolute path')))
      .default([]),
  ),
  AUDIT_MAX_EXTRACTED_BYTES: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).default(512 * 1024 * 1024)),
  AUDIT_MAX_FILES: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).default(100_000)),
}).superRefine((env, ctx) => {
  if (env.NODE_ENV === 'production') refuseInsecureProductionSettings(env, ctx);
  if (env.ARTIFACT_STORE === 's3' && !env.S3_BUCKET) {
    ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'required when ARTIFACT_STORE=s3' });
  }
  if ((env.S3_ACCESS_KEY_ID === undefined) !== (env.S3_SECRET_ACCESS_KEY === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['S3_SECRET_ACCESS_KEY'], message: 'set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither' });
  }
  const llm = [env.LLM_BASE_URL, env.LLM_API_KEY, env.LLM_MODEL];
  if (llm.some((value) => value !== undefined) && llm.some((value) => value === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['LLM_MODEL'], message: 'set LLM_BASE_URL, LLM_API_KEY and LLM_MODEL together, or none of them' });
  }
  const { OUTBOUND_ALLOW_PRIVATE_NETWORKS: outbound, WEBHOOK_ALLOW_PRIVATE_NETWORKS: oldName } = env;
  if (outbound !== undefined && oldName !== undefined && outbound !== oldName) {
    ctx.addIssue({ code: 'custom', path: ['OUTBOUND_ALLOW_PRIVATE_NETWORKS'], message: 'WEBHOOK_ALLOW_PRIVATE_NETWORKS (its old name) says otherwise; set only one' });
  }
}).transform(({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: oldName, ...env }) => ({
  ...env,
  OUTBOUND_ALLOW_PRIVATE_NETWORKS: env.OUTBOUND_ALLOW_PRIVATE_NETWORKS ?? oldName ?? false,
}));

/**
 * Production start-up fails on what is fine on a developer's machine but not on a server: a
 * known admin key, requests to private networks, an embedded database, plain-HTTP download URLs.
 */
function refuseInsecureProductionSettings(
  env: { TASKWRIGHT_DEV_API_KEY?: string; OUTBOUND_ALLOW_PRIVATE_NETWORKS?: boolean; WEBHOOK_ALLOW_PRIVATE_NETWORKS?: boolean; DATABASE_URL?: string; PUBLIC_BASE_URL?: string },
  ctx: z.RefinementCtx,
): void {
  const refuse = (variable: string, message: string) => ctx.addIssue({ code: 'custom', path: [variable], message: `${message} (NODE_ENV=production)` });
  if (env.TASKWRIGHT_DEV_API_KEY !== undefined) refuse('TASKWRIGHT_DEV_API_KEY', 'the dev key is refused in production; issue keys with `npm run operator-key` and POST /v1/api-keys');
  if (env.OUTBOUND_ALLOW_PRIVATE_NETWORKS || env.WEBHOOK_ALLOW_PRIVATE_NETWORKS) refuse('OUTBOUND_ALLOW_PRIVATE_NETWORKS', 'outbound requests to private networks are refused in production');
  if (env.DATABASE_URL === undefined) refuse('DATABASE_URL', 'required: the embedded database is for development');
  if (!env.PUBLIC_BASE_URL?.startsWith('https://')) refuse('PUBLIC_BASE_URL', 'required, as an https URL: signed download URLs are bearer credentials');
}

export type Config = z.infer<typeof envSchema> & {
  /** Absolute data directory. */
  dataDir: string;
  /** Base URL clients use to reach the API (links, printed URLs). */
  publicBaseUrl: string;
  /** Absolute directory of the local artifact content store. */
  artifactDir: string;
  /**
   * Whether the operator set TEMPORAL_UI_URL: then every key gets `links.temporal_ui` (the UI is
   * presumably behind its own sign-in); otherwise only admin keys do.
   */
  temporalUiConfigured: boolean;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; a bad value throws a ConfigError naming each offending variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const values = parsed.data;
  return {
    ...values,
    dataDir: path.resolve(values.DATA_DIR),
    artifactDir: path.resolve(values.ARTIFACT_DIR ?? path.join(values.DATA_DIR, 'artifacts')),
    publicBaseUrl: (values.PUBLIC_BASE_URL ?? `http://localhost:${values.PORT}`).replace(/\/$/, ''),
    temporalUiConfigured: emptyAsUnset(env.TEMPORAL_UI_URL) !== undefined,
  };
}

/** For process entry points: parse or exit with one line naming the bad variable. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
