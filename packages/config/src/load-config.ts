import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { readCredentialFiles, ROTATABLE_CREDENTIALS, type RotatableCredential } from './credential-files';
import { Credentials } from './credentials';
import { parseTrustProxy, trustProxyProblems } from './trust-proxy';

/** Thrown when the environment does not describe a runnable process; lists every bad key. */
export class ConfigError extends Error {
  constructor(readonly problems: { key: string; message: string }[]) {
    super(`Invalid configuration: ${problems.map((p) => `${p.key}: ${p.message}`).join('; ')}`);
    this.name = 'ConfigError';
  }
}

const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');
const postgresUrl = z
  .string({ error: 'is required (e.g. postgresql://heinrich@127.0.0.1:5432/heinrich)' })
  .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL');
const redisUrl = z
  .string({ error: 'is required (e.g. redis://127.0.0.1:6379)' })
  .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL');
const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** Settings every process shares. */
const shared = {
  DATABASE_URL: postgresUrl,
  REDIS_URL: redisUrl,
  /** BullMQ key prefix; lets several installations (or test runs) share one Redis. */
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only').default('heinrich'),
  LOG_LEVEL: logLevel,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** How long SIGTERM waits for in-flight work before exiting anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(25_000),
  /** Slack app (docs/slack.md): without a bot token Slack methods and channels are reported unavailable. */
  SLACK_BOT_TOKEN: z.string().regex(/^xox[a-z]-/, 'must be a Slack bot token (xoxb-...)').optional(),
  /** Verifies interactivity and slash-command requests (v0 HMAC-SHA256). */
  SLACK_SIGNING_SECRET: z.string().min(8).optional(),
  /** Base URL of the Slack Web API, ending in /api/ (a test or staging fake). */
  SLACK_API_URL: z.url({ error: 'must be an absolute URL such as https://slack.com/api/' }).optional(),
  /** Twilio (docs/twilio.md): without account sid and auth token sms and voice are reported unavailable. */
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be a Twilio account SID (AC + 32 hex digits)').optional(),
  TWILIO_AUTH_TOKEN: z.string().min(8).optional(),
  /** The E.164 number messages and calls come from... */
  TWILIO_FROM_NUMBER: z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +15005550006').optional(),
  /** ...or a messaging service for SMS (MG + 32 hex digits). */
  TWILIO_MESSAGING_SERVICE_SID: z.string().regex(/^MG[0-9a-fA-F]{32}$/, 'must be a messaging service SID (MG + 32 hex digits)').optional(),
  /** Base URL of the Twilio REST API (a test or staging fake), e.g. http://127.0.0.1:4010 */
  TWILIO_API_BASE_URL: z.url({ error: 'must be an absolute URL such as https://api.twilio.com' }).optional(),
  /**
   * `true`: webhook contact methods may point at loopback and private addresses (10/8, 192.168/16, ...).
   * Off by default, unless PUBLIC_URL is itself on loopback (the demo). Link-local and metadata addresses never.
   */
  WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
  /**
   * Credentials given as files (`X_FILE`, docs/kubernetes.md) are read again this often; a changed
   * value is used without a restart. At most 10 s, so a rotation takes effect within 30 s of the file.
   */
  CREDENTIAL_FILE_POLL_INTERVAL_MS: z.coerce.number().int().min(100).max(10_000, 'must be at most 10000 (rotations take effect within 30 s)').default(5_000),
  /** After a credential file changes, the previous value is still accepted (API keys, Slack and Twilio signatures) this long. */
  SECRET_ROTATION_GRACE_SECONDS: z.coerce.number().int().min(0).default(600),
};

export const apiEnvSchema = z.object({
  ...shared,
  PORT: port(8080),
  /** Where people and providers reach this api (links in pages, Twilio signatures). */
  PUBLIC_URL: z.url({ error: 'must be an absolute URL such as https://heinrich.example.com' }).optional(),
  HEINRICH_ADMIN_API_KEY: z
    .string({ error: 'is required: the bootstrap admin API key (at least 24 characters)' })
    .min(24, 'must be at least 24 characters'),
  /** Largest accepted request body; Alertmanager sends ~0.6 kB per alert. */
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(5 * 1024 * 1024),
  /** Largest Alertmanager notification body: a whole group must fit, volume is never refused (docs/noise.md). */
  ALERTMANAGER_MAX_BODY_BYTES: z.coerce.number({ error: 'must be a number of bytes' }).int().min(1024, 'must be at least 1024').default(64 * 1024 * 1024),
  /** Most alerts in one Alertmanager notification; more is a 413 naming this limit. */
  ALERTMANAGER_MAX_ALERTS: z.coerce.number({ error: 'must be a number of alerts' }).int().min(1, 'must be at least 1').default(100_000),
  /** When set, /metrics requires `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Behind a proxy/ingress, trust X-Forwarded-* from it (Express `trust proxy`); unset: no proxy is trusted. */
  TRUST_PROXY: z
    .string()
    .superRefine((raw, ctx) => {
      for (const message of trustProxyProblems(raw)) ctx.addIssue({ code: 'custom', message });
    })
    .optional(),
  /** The built web UI (vite build of apps/web); served with an SPA fallback when it holds an index.html. */
  WEB_DIST_DIR: z.string().optional(),
});
export type ApiConfig = ReturnType<typeof toApiConfig>;

/** The timeout of one Twilio or Slack API call (their clients in packages/providers use 10 s). */
export const PROVIDER_CALL_TIMEOUT_MS = 10_000;
/** How much longer than the longest send a delivery's lease lasts at least (the claim and the outcome's update). */
export const LEASE_MARGIN_MS = 5_000;

/** The longest one send may take: a webhook's timeout, a Twilio call, or a Slack DM (conversations.open and chat.postMessage). */
export function longestSendMs(webhookTimeoutMs: number): number {
  return Math.max(webhookTimeoutMs, PROVIDER_CALL_TIMEOUT_MS, 2 * PROVIDER_CALL_TIMEOUT_MS);
}

const RATE_LIMITS_SHAPE = /^\s*[a-z]+\s*=\s*\d+(\s*,\s*[a-z]+\s*=\s*\d+)*\s*$/;

export const workerEnvSchema = z.object({
  ...shared,
  /** health and metrics only */
  PORT: port(8081),
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Outbox relay: re-enqueue events that have waited this long without being handled. */
  OUTBOX_RELAY_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
  OUTBOX_STALE_AFTER_MS: z.coerce.number().int().min(100).default(10_000),
  /** Escalation sweeper: look for due steps whose job did not run this often... */
  ESCALATION_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
  /** ...and run those due at least this long ago (a step's own job normally fires on time). */
  ESCALATION_SWEEP_GRACE_MS: z.coerce.number().int().min(0).default(5_000),
  /** Storm mode: the pass that ends storms quiet for their service's storm.quietSeconds runs this often. */
  STORM_END_INTERVAL_MS: z.coerce.number().int().min(100).default(15_000),
  /** Flapping: the pass that resolves flapping groups quiet for their service's flapping.windowSeconds runs this often. */
  FLAP_END_INTERVAL_MS: z.coerce.number().int().min(100).default(15_000),
  /** Maintenance windows: the pass that pages held incidents still firing when their window ended runs this often. */
  MAINTENANCE_RELEASE_INTERVAL_MS: z.coerce.number().int().min(100).max(30_000).default(5_000),
  /** Links in notifications (`<PUBLIC_URL>/incidents/<number>`). */
  PUBLIC_URL: z.url({ error: 'must be an absolute URL such as https://heinrich.example.com' }).optional(),
  /** Delivery: the backstop pass (new pages, lost jobs, unavailable channels) this often; commits wake it at once. */
  DELIVERY_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
  /** A queued delivery due this long ago is taken to have lost its job (Redis flushed) and is enqueued again. */
  DELIVERY_LOST_AFTER_MS: z.coerce.number().int().min(0).default(30_000),
  /** Tries per delivery on retryable errors (timeout, 5xx), then the next method. */
  DELIVERY_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** First retry after this long, doubling each time (capped at 5 minutes). */
  DELIVERY_BACKOFF_MS: z.coerce.number().int().min(1).default(2_000),
  /** Per provider queue: at most this many sends per second (across all workers)... */
  DELIVERY_RATE_PER_SECOND: z.coerce.number().int().min(1).default(500),
  /** ...unless this names the provider: `sms=1,voice=1,slack=1,webhook=50` (per second). */
  DELIVERY_RATE_LIMITS: z
    .string()
    .regex(RATE_LIMITS_SHAPE, 'must look like sms=1,voice=1,slack=1,webhook=50')
    .superRefine((raw, ctx) => {
      // a malformed list is reported once, by the regex
      if (!RATE_LIMITS_SHAPE.test(raw)) return;
      for (const message of rateLimitProblems(raw)) ctx.addIssue({ code: 'custom', message });
    })
    .optional(),
  /** A webhook that has not answered in this long counts as a (retryable) timeout. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /**
   * A claimed delivery (sending) whose worker gives no outcome within this long is taken to
   * have died with it: the dispatcher queues it again (the page may go twice, never lost).
   * Longer than the longest send by LEASE_MARGIN_MS (checked below).
   */
  DELIVERY_LEASE_MS: z.coerce.number().int().min(1_000).default(30_000),
  /** While an incident is silenced in Alertmanager, ask it this often whether the incident's alerts resolved. */
  SILENCE_POLL_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  /** ...but judges nothing by an Alertmanager that started less than this ago (its alerts come back only as Prometheus re-sends them). */
  SILENCE_POLL_RESTART_GRACE_MS: z.coerce.number().int().min(0).default(180_000),
  /** How often the worker looks for heartbeats past last ping + interval + grace (the page goes out within this of the miss). */
  HEARTBEAT_CHECK_INTERVAL_MS: z.coerce.number().int().min(100).max(15_000).default(5_000),
  /**
   * The outbound heartbeat (docs/monitoring.md): an external dead man's switch the worker pings while
   * the whole pipeline is healthy. A secret (its path or query holds the receiver's token): messages
   * name the rule, never the value.
   */
  HEARTBEAT_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    // zod runs this check after a failed url() too: an unparsable value is that check's problem, not a crash
    .refine((raw) => {
      if (!URL.canParse(raw)) return true;
      const u = new URL(raw);
      return u.username === '' && u.password === '';
    }, 'must not contain user:password@ (put the token in the path or query, e.g. ?apiKey= for Opsgenie)')
    .optional(),
  /** ...every this many seconds, */
  HEARTBEAT_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  /** ...unless the oldest outbox event waits longer than this, */
  HEARTBEAT_MAX_OUTBOX_LAG_SECONDS: z.coerce.number().int().min(1).default(120),
  /** ...or a due escalation step (or acknowledgement timeout) is overdue by more than this. */
  HEARTBEAT_MAX_ESCALATION_LAG_SECONDS: z.coerce.number().int().min(1).default(120),
  /** The synthetic end-to-end probe (docs/monitoring.md "Synthetic probe"): off unless "true". */
  PROBE_ENABLED: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
  /** A probe alert is sent this often... */
  PROBE_INTERVAL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(300),
  /** ...and fails when its webhook has not come back within this long (less than the interval). */
  PROBE_TIMEOUT_SECONDS: z.coerce.number().int().min(5).default(120),
}).superRefine((env, ctx) => {
  if (env.PROBE_TIMEOUT_SECONDS >= env.PROBE_INTERVAL_SECONDS) {
    ctx.addIssue({ code: 'custom', path: ['PROBE_TIMEOUT_SECONDS'], message: `must be less than PROBE_INTERVAL_SECONDS (${env.PROBE_INTERVAL_SECONDS})` });
  }
  const longest = longestSendMs(env.WEBHOOK_TIMEOUT_MS);
  if (env.DELIVERY_LEASE_MS < longest + LEASE_MARGIN_MS) {
    ctx.addIssue({
      code: 'custom',
      path: ['DELIVERY_LEASE_MS'],
      message: `must be at least ${longest + LEASE_MARGIN_MS} (${LEASE_MARGIN_MS} ms longer than the longest send: WEBHOOK_TIMEOUT_MS ${env.WEBHOOK_TIMEOUT_MS}, a Twilio call ${PROVIDER_CALL_TIMEOUT_MS}, a Slack DM ${2 * PROVIDER_CALL_TIMEOUT_MS})`,
    });
  }
});
export type WorkerConfig = ReturnType<typeof toWorkerConfig>;

/** The parsed environment and the credential files it named (`X_FILE`, read into `X`). */
function parse<S extends z.ZodObject>(schema: S, raw: Record<string, string | undefined>): { env: z.infer<S>; credentials: Credentials } {
  const files = readCredentialFiles(raw);
  // empty strings count as unset: `FOO=` in a compose file means "no value"
  const cleaned = Object.fromEntries(Object.entries(files.env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  const problems = [
    ...files.problems,
    ...(result.success ? [] : result.error.issues.map((issue) => ({ key: issue.path.join('.') || '(root)', message: issue.message }))),
  ];
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  const env = result.data as z.infer<S> & { SECRET_ROTATION_GRACE_SECONDS: number };
  const shape = schema.shape as Record<string, z.ZodType | undefined>;
  const initial = Object.fromEntries(ROTATABLE_CREDENTIALS.map((key) => [key, (env as Record<string, unknown>)[key] as string | undefined]));
  const credentials = new Credentials(initial, files.files, {
    graceMs: env.SECRET_ROTATION_GRACE_SECONDS * 1000,
    now: Date.now,
    // a rotated value must pass the check it passed at start (the message names the rule, never the value)
    validate: (key: RotatableCredential, value: string) => {
      const field = shape[key];
      if (!field) return null;
      const checked = field.safeParse(value);
      return checked.success ? null : checked.error.issues.map((i) => i.message).join('; ');
    },
  });
  return { env: result.data, credentials };
}

function toApiConfig({ env, credentials }: { env: z.infer<typeof apiEnvSchema>; credentials: Credentials }) {
  return {
    /** the rotatable credentials as they are now (the fields below hold their values at start) */
    credentials,
    credentialPollIntervalMs: env.CREDENTIAL_FILE_POLL_INTERVAL_MS,
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    logLevel: env.LOG_LEVEL,
    port: env.PORT,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    maxBodyBytes: env.MAX_BODY_BYTES,
    alertmanagerMaxBodyBytes: env.ALERTMANAGER_MAX_BODY_BYTES,
    alertmanagerMaxAlerts: env.ALERTMANAGER_MAX_ALERTS,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    webhookAllowPrivate: env.WEBHOOK_ALLOW_PRIVATE === 'true',
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    // default: apps/web/dist of this checkout (the image keeps the same layout)
    webDistDir: env.WEB_DIST_DIR ?? fileURLToPath(new URL('../../../apps/web/dist', import.meta.url)),
    ...providerConfig(env, credentials),
  };
}

/** Provider credentials, shared by api (signature checks, replies) and worker (sends). */
function providerConfig(env: z.infer<typeof apiEnvSchema> | z.infer<typeof workerEnvSchema>, credentials: Credentials) {
  return {
    slack: {
      botToken: env.SLACK_BOT_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET,
      apiUrl: env.SLACK_API_URL,
    },
    twilio: {
      accountSid: env.TWILIO_ACCOUNT_SID,
      authToken: env.TWILIO_AUTH_TOKEN,
      fromNumber: env.TWILIO_FROM_NUMBER,
      messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID,
      apiBaseUrl: env.TWILIO_API_BASE_URL,
      credentials,
    },
  };
}

/** The delivery channels a rate limit may name (packages/core's contact method types; config imports nothing of ours). */
const DELIVERY_CHANNELS = ['sms', 'voice', 'slack', 'webhook', 'log'];

/** What is wrong with a well-formed DELIVERY_RATE_LIMITS: unknown or repeated names, limits below 1. */
function rateLimitProblems(raw: string): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(splitPairs(raw))) {
    if (!DELIVERY_CHANNELS.includes(name)) problems.push(`unknown provider "${name}" (one of ${DELIVERY_CHANNELS.join(', ')})`);
    if (value < 1) problems.push(`${name}: at least 1 send per second`);
  }
  const names = raw.split(',').map((pair) => pair.split('=')[0]!.trim());
  for (const name of new Set(names.filter((n, i) => names.indexOf(n) !== i))) problems.push(`"${name}" is named twice`);
  return problems;
}

function splitPairs(raw: string): Record<string, number> {
  return Object.fromEntries(
    raw.split(',').map((pair) => {
      const [name, value] = pair.split('=').map((x) => x.trim());
      return [name!, Number(value)];
    }),
  );
}

/** `sms=1, voice=2` -> {sms: 1, voice: 2} */
function parseRateLimits(raw: string | undefined): Record<string, number> {
  return raw ? splitPairs(raw) : {};
}

function toWorkerConfig({ env, credentials }: { env: z.infer<typeof workerEnvSchema>; credentials: Credentials }) {
  return {
    /** the rotatable credentials as they are now (the fields below hold their values at start) */
    credentials,
    credentialPollIntervalMs: env.CREDENTIAL_FILE_POLL_INTERVAL_MS,
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    logLevel: env.LOG_LEVEL,
    port: env.PORT,
    outboxRelayIntervalMs: env.OUTBOX_RELAY_INTERVAL_MS,
    outboxStaleAfterMs: env.OUTBOX_STALE_AFTER_MS,
    escalationSweepIntervalMs: env.ESCALATION_SWEEP_INTERVAL_MS,
    escalationSweepGraceMs: env.ESCALATION_SWEEP_GRACE_MS,
    stormEndIntervalMs: env.STORM_END_INTERVAL_MS,
    flapEndIntervalMs: env.FLAP_END_INTERVAL_MS,
    maintenanceReleaseIntervalMs: env.MAINTENANCE_RELEASE_INTERVAL_MS,
    publicUrl: env.PUBLIC_URL ?? 'http://localhost:8080',
    deliverySweepIntervalMs: env.DELIVERY_SWEEP_INTERVAL_MS,
    deliveryLostAfterMs: env.DELIVERY_LOST_AFTER_MS,
    deliveryAttempts: env.DELIVERY_ATTEMPTS,
    deliveryBackoffMs: env.DELIVERY_BACKOFF_MS,
    deliveryRatePerSecond: env.DELIVERY_RATE_PER_SECOND,
    /** per provider sends per second; a provider not named uses deliveryRatePerSecond */
    deliveryRateLimits: parseRateLimits(env.DELIVERY_RATE_LIMITS),
    webhookTimeoutMs: env.WEBHOOK_TIMEOUT_MS,
    webhookAllowPrivate: env.WEBHOOK_ALLOW_PRIVATE === 'true',
    deliveryLeaseMs: env.DELIVERY_LEASE_MS,
    silencePollIntervalMs: env.SILENCE_POLL_INTERVAL_MS,
    silencePollRestartGraceMs: env.SILENCE_POLL_RESTART_GRACE_MS,
    heartbeatCheckIntervalMs: env.HEARTBEAT_CHECK_INTERVAL_MS,
    /** the URL itself is config.credentials.current('HEARTBEAT_URL') (HEARTBEAT_URL_FILE rotates) */
    outboundHeartbeat: {
      configured: env.HEARTBEAT_URL !== undefined,
      intervalMs: env.HEARTBEAT_INTERVAL_SECONDS * 1000,
      maxOutboxLagSeconds: env.HEARTBEAT_MAX_OUTBOX_LAG_SECONDS,
      maxEscalationLagSeconds: env.HEARTBEAT_MAX_ESCALATION_LAG_SECONDS,
    },
    probe: { enabled: env.PROBE_ENABLED === 'true', intervalMs: env.PROBE_INTERVAL_SECONDS * 1000, timeoutMs: env.PROBE_TIMEOUT_SECONDS * 1000 },
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    ...providerConfig(env, credentials),
  };
}

export function loadApiConfig(env: Record<string, string | undefined>): ApiConfig {
  return toApiConfig(parse(apiEnvSchema, env));
}

export function loadWorkerConfig(env: Record<string, string | undefined>): WorkerConfig {
  return toWorkerConfig(parse(workerEnvSchema, env));
}

/**
 * For main.ts: the parsed config, or one line on stderr naming every bad key
 * and exit code 1 (a process must not start half-configured).
 */
export function configOrExit<T>(processName: string, load: () => T): T {
  try {
    return load();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${processName}: ${err.message}\n`);
    process.exit(1);
  }
}
