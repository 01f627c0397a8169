// Ingest benchmarks (issue: Alertmanager and events ingest):
//  - throughput: 10-alert Alertmanager payloads with fresh fingerprints, as fast
//    as the api answers, against the ceiling of raw batched INSERT ... ON CONFLICT
//    of the same rows with `pg` on the same machine in the same run;
//  - storm: 8,500 alerts over 50 nodes in 60 s (the reference outage), checking
//    that it gives 50 incidents and stores every alert, and the pages it sent:
//    the service escalates to one person (a `log` contact method, notified at
//    once), a worker process runs, and pages = notifications rows (people paged
//    by a step), deliveries = their sends, counted once the worker decided every
//    incident and they stop growing; with storm mode (the service's defaults)
//    the 6th incident starts a storm and the later ones are held: storms,
//    heldByStorm and pagesSent say so (docs/noise.md "Storm mode");
//  - storm10x (ingestStorm10xBench, opt-in: `npm run bench -- ingest.storm10x`):
//    the same, ten times over: 85,000 alerts over 500 nodes in 60 s;
//  - manyGroups: ONE NodeDown notification across 2,000 (and 10,000) nodes into
//    a service grouped by node: its latency against Alertmanager's default 10 s
//    timeout, and that it opened one incident per node.
import { randomBytes } from 'node:crypto';
import { sha256Hex } from '@heinrich/core/alert-group';
import pg from 'pg';
import { startApiProcess } from './api-process';
import { createBenchDatabase } from './bench-database';
import { round, runLoad } from './load';

const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';

export interface IngestBenchOptions {
  adminDatabaseUrl: string;
  redisUrl: string;
  payloads: number;
  concurrency: number;
  stormSeconds: number;
}

export async function ingestBench(opts: IngestBenchOptions) {
  const throughput = await withApi(opts, async ({ baseUrl, secret, db }) => {
    const bodies = Array.from({ length: opts.payloads }, (_, i) => alertmanagerPayload(i % 50, 10));
    await runLoad({ url: `${baseUrl}/api/v1/integrations/alertmanager`, bearer: secret, bodies: bodies.slice(0, 200), concurrency: opts.concurrency });
    const result = await runLoad({ url: `${baseUrl}/api/v1/integrations/alertmanager`, bearer: secret, bodies, concurrency: opts.concurrency });
    const stored = await count(db, 'alerts');
    return { ...result, alertsStored: stored };
  });
  const ceiling = await rawInsertCeiling(opts);
  const storm = await stormRun(opts, { nodes: 50, payloads: 850 });

  const manyGroups = [];
  for (const nodes of [2_000, 10_000]) {
    manyGroups.push(
      await withApi(
        opts,
        async ({ baseUrl, secret, db }) => {
          const t0 = performance.now();
          const res = await fetch(`${baseUrl}/api/v1/integrations/alertmanager`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
            body: nodeDownPayload(nodes),
          });
          await res.arrayBuffer();
          const ms = round(performance.now() - t0, 0);
          return { nodes, status: res.status, ms, incidents: await count(db, 'incidents'), goal: { ms: 10_000 } };
        },
        { groupBy: ['node'] },
      ),
    );
  }

  const alertsPerSecond = round((throughput.requests * 10) / throughput.seconds, 0);
  return {
    throughput: {
      payloadAlerts: 10,
      concurrency: opts.concurrency,
      payloads: throughput.requests,
      errors: throughput.errors,
      payloadsPerSecond: round(throughput.requests / throughput.seconds, 0),
      alertsPerSecond,
      latencyMs: throughput.latencyMs,
      alertsStored: throughput.alertsStored,
      goal: { alertsPerSecond: 10_000, p99Ms: 50 },
    },
    rawInsertCeiling: {
      ...ceiling,
      heinrichToCeilingRatio: round(alertsPerSecond / ceiling.rowsPerSecond, 3),
    },
    storm,
    manyGroups,
  };
}

/** `ingest.storm10x`: ten times the reference storm, 85,000 alerts over 500 nodes in `stormSeconds`. */
export async function ingestStorm10xBench(opts: IngestBenchOptions) {
  return stormRun(opts, { nodes: 500, payloads: 8_500 });
}

/**
 * A storm: `payloads` notifications of 10 fresh alerts, node `i % nodes`, paced
 * evenly over stormSeconds into a service (grouped as Alertmanager groups) that
 * pages one person; the worker runs alongside. Bounded: each request gives up
 * after 30 s, and pages are awaited at most 60 s after the last answer.
 */
async function stormRun(opts: IngestBenchOptions, storm: { nodes: number; payloads: number }) {
  const result = await withApi(
    opts,
    async ({ baseUrl, secret, db, peakRssMiB }) => {
      const bodies = Array.from({ length: storm.payloads }, (_, i) => alertmanagerPayload(i % storm.nodes, 10));
      const load = await runLoad({
        url: `${baseUrl}/api/v1/integrations/alertmanager`,
        bearer: secret,
        bodies,
        concurrency: Math.max(32, Math.ceil(storm.payloads / 25)),
        paceOverMs: opts.stormSeconds * 1000,
      });
      const incidents = await count(db, 'incidents');
      const paging = await settledPages(db, incidents);
      return { ...load, alertsStored: await count(db, 'alerts'), incidents, ...paging, apiPeakRssMiB: peakRssMiB() };
    },
    { paging: true },
  );
  const alertsSent = storm.payloads * 10;
  return {
    seconds: opts.stormSeconds,
    nodes: storm.nodes,
    payloads: result.requests,
    errors: result.errors,
    statuses: result.statuses,
    alertsSent,
    alertsStored: result.alertsStored,
    incidents: result.incidents,
    pages: result.pages,
    deliveries: result.deliveries,
    /** deliveries that went out (the person was really notified) */
    pagesSent: result.sent,
    storms: result.storms,
    heldByStorm: result.held,
    pagesSettledAfterMs: result.settledAfterMs,
    everyAlertStored: result.alertsStored === alertsSent,
    oneIncidentPerNode: result.incidents === storm.nodes,
    latencyMs: result.latencyMs,
    apiPeakRssMiB: result.apiPeakRssMiB,
  };
}

/**
 * Pages and their deliveries once the worker decided every incident (escalated
 * it, found no policy, or a storm held it) and both stopped growing, or 60 s at most.
 */
async function settledPages(db: pg.Pool, incidents: number) {
  const started = Date.now();
  let last = '';
  let stableSince = Date.now();
  for (;;) {
    const r = await db.query<{ pages: number; deliveries: number; sent: number; decided: number; storms: number; held: number }>(
      `SELECT (SELECT count(*)::int FROM notifications) AS pages,
              (SELECT count(*)::int FROM deliveries) AS deliveries,
              (SELECT count(*)::int FROM deliveries WHERE status IN ('sent', 'delivered')) AS sent,
              (SELECT count(DISTINCT incident_id)::int FROM incident_events
                WHERE type IN ('escalation_started', 'escalation_not_started', 'storm_held')) AS decided,
              (SELECT count(*)::int FROM storms) AS storms,
              (SELECT count(*)::int FROM incident_events WHERE type = 'storm_held') AS held`,
    );
    const now = r.rows[0]!;
    const key = `${now.pages}/${now.deliveries}/${now.sent}`;
    if (key !== last) {
      last = key;
      stableSince = Date.now();
    }
    const settled = now.decided >= incidents && Date.now() - stableSince >= 3_000;
    if (settled || Date.now() - started > 60_000) return { ...now, settledAfterMs: Date.now() - started };
    await new Promise((res) => setTimeout(res, 500));
  }
}

/**
 * A fresh database, service and key, the api in its own process; torn down
 * after. `paging`: the service escalates to one person notified at once on a
 * `log` contact method, and a worker process runs too.
 */
export async function withApi<T>(
  opts: IngestBenchOptions,
  fn: (env: { baseUrl: string; secret: string; db: pg.Pool; peakRssMiB: () => number | null }) => Promise<T>,
  setup: { groupBy?: string[]; paging?: boolean; /** send through a routing integration with this many routes, the last one matching (docs/routing.md) */ routes?: number } = {},
): Promise<T> {
  const groupBy = setup.groupBy ?? [];
  const database = await createBenchDatabase(opts.adminDatabaseUrl);
  const db = new pg.Pool({ connectionString: database.url, max: 2 });
  db.on('error', () => {}); // DROP DATABASE ... WITH (FORCE) ends whatever is left
  const secret = `hk_${randomBytes(24).toString('base64url')}`;
  const policyId = setup.paging ? await seedPagingPolicy(db) : null;
  const service = await db.query<{ id: string }>(
    `INSERT INTO services (id, name, group_by, escalation_policy_id, updated_at) VALUES (gen_random_uuid(), 'bench', $1, $2, now()) RETURNING id`,
    [groupBy, policyId],
  );
  await db.query(
    `INSERT INTO integration_keys (id, service_id, type, name, secret_hash, secret_prefix)
     VALUES (gen_random_uuid(), $1, 'alertmanager', 'bench', $2, $3)`,
    [service.rows[0]!.id, sha256Hex(secret), secret.slice(0, 8)],
  );
  let sendWith = secret;
  if (setup.routes) {
    // routes 1..n-1 match nothing the payloads carry (a regex each, as real routes are); the last takes them all
    const routes = [
      ...Array.from({ length: setup.routes - 1 }, (_, i) => ({ matchers: [`namespace=~"team-${i}-.*"`, 'severity!="none"'], serviceId: service.rows[0]!.id })),
      { matchers: ['namespace="collector"'], serviceId: service.rows[0]!.id },
    ];
    sendWith = `hr_${randomBytes(24).toString('base64url')}`;
    await db.query(
      `INSERT INTO routing_integrations (id, name, routes, secret_hash, secret_prefix) VALUES (gen_random_uuid(), 'bench', $1::jsonb, $2, $3)`,
      [JSON.stringify(routes), sha256Hex(sendWith), sendWith.slice(0, 8)],
    );
  }
  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const api = await startApiProcess({
    DATABASE_URL: database.url,
    REDIS_URL: opts.redisUrl,
    REDIS_PREFIX: prefix,
    HEINRICH_ADMIN_API_KEY: ADMIN_KEY,
    DATABASE_POOL_SIZE: '20',
  });
  const worker = setup.paging
    ? await startApiProcess({ DATABASE_URL: database.url, REDIS_URL: opts.redisUrl, REDIS_PREFIX: prefix, DATABASE_POOL_SIZE: '10', PUBLIC_URL: api.baseUrl }, 'worker')
    : undefined;
  try {
    return await fn({ baseUrl: api.baseUrl, secret: sendWith, db, peakRssMiB: () => api.peakRssMiB() });
  } finally {
    await worker?.stop();
    await api.stop();
    await db.end();
    await database.drop();
    await dropRedisPrefix(opts.redisUrl, prefix);
  }
}

/**
 * The ceiling: the same alert rows, 10 per statement, inserted with a bare
 * `INSERT ... ON CONFLICT DO UPDATE` through `pg` at the same concurrency: what
 * Postgres on this machine can do with no HTTP, validation, grouping or events.
 */
async function rawInsertCeiling(opts: IngestBenchOptions) {
  const database = await createBenchDatabase(opts.adminDatabaseUrl);
  const pool = new pg.Pool({ connectionString: database.url, max: opts.concurrency });
  pool.on('error', () => {});
  try {
    const svc = await pool.query<{ id: string }>(`INSERT INTO services (id, name, updated_at) VALUES (gen_random_uuid(), 'raw', now()) RETURNING id`);
    const serviceId = svc.rows[0]!.id;
    const inc = await pool.query<{ id: string }>(
      `INSERT INTO incidents (id, service_id, group_key_hash, group_key, title, updated_at)
       VALUES (gen_random_uuid(), $1, 'h', 'k', 't', now()) RETURNING id`,
      [serviceId],
    );
    const incidentId = inc.rows[0]!.id;
    const batches = Array.from({ length: opts.payloads }, (_, i) => JSON.parse(alertmanagerPayload(i % 50, 10)).alerts);
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: opts.concurrency }, async () => {
        for (;;) {
          const i = next++;
          if (i >= batches.length) return;
          await pool.query(
            `INSERT INTO alerts AS a (id, service_id, incident_id, fingerprint, starts_at, status, labels, annotations)
             SELECT gen_random_uuid(), $1, $2, t.fingerprint, t."startsAt", 'firing', t.labels, t.annotations
               FROM jsonb_to_recordset($3::jsonb) AS t(fingerprint text, "startsAt" timestamptz, labels jsonb, annotations jsonb)
             ON CONFLICT (service_id, fingerprint, starts_at) DO UPDATE SET last_seen_at = now(), receive_count = a.receive_count + 1`,
            [serviceId, incidentId, JSON.stringify(batches[i])],
          );
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { statements: batches.length, rowsPerSecond: round((batches.length * 10) / seconds, 0), seconds: round(seconds) };
  } finally {
    await pool.end();
    await database.drop();
  }
}

/** A firing KubePodCrashLooping group for node `node-<n>` with fresh pods (fresh fingerprints). */
export function alertmanagerPayload(node: number, alerts: number): string {
  const startsAt = new Date().toISOString();
  return JSON.stringify({
    receiver: 'heinrich',
    status: 'firing',
    alerts: Array.from({ length: alerts }, () => {
      const pod = `collector-${randomBytes(4).toString('hex')}`;
      return {
        status: 'firing',
        labels: { alertname: 'KubePodCrashLooping', namespace: 'collector', node: `node-${node}`, pod, severity: 'critical' },
        annotations: { summary: 'Pod is crash looping.', description: `Pod collector/${pod} is restarting 2.5 times / 10 minutes.` },
        startsAt,
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'http://prometheus:9090/graph?g0.expr=...',
        fingerprint: randomBytes(8).toString('hex'),
      };
    }),
    groupLabels: { alertname: 'KubePodCrashLooping', node: `node-${node}` },
    commonLabels: { alertname: 'KubePodCrashLooping', namespace: 'collector', node: `node-${node}`, severity: 'critical' },
    commonAnnotations: { summary: 'Pod is crash looping.' },
    externalURL: 'http://alertmanager:9093',
    version: '4',
    groupKey: `{}:{alertname="KubePodCrashLooping", node="node-${node}"}`,
    truncatedAlerts: 0,
  });
}

/** One NodeDown notification (one Alertmanager group) across `nodes` nodes. */
function nodeDownPayload(nodes: number): string {
  const startsAt = new Date().toISOString();
  return JSON.stringify({
    receiver: 'heinrich',
    status: 'firing',
    alerts: Array.from({ length: nodes }, (_, n) => ({
      status: 'firing',
      labels: { alertname: 'NodeDown', node: `node-${n}`, severity: 'critical' },
      annotations: { summary: `Node node-${n} is down.` },
      startsAt,
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus:9090/graph?g0.expr=up%3D%3D0',
      fingerprint: randomBytes(8).toString('hex'),
    })),
    groupLabels: { alertname: 'NodeDown' },
    commonLabels: { alertname: 'NodeDown', severity: 'critical' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    version: '4',
    groupKey: '{}:{alertname="NodeDown"}',
    truncatedAlerts: 0,
  });
}

/** A team, one person with a `log` contact method notified at once for any urgency, and a one-step policy paging them. */
async function seedPagingPolicy(db: pg.Pool): Promise<string> {
  const team = await db.query<{ id: string }>(`INSERT INTO teams (id, name, updated_at) VALUES (gen_random_uuid(), 'bench', now()) RETURNING id`);
  const user = await db.query<{ id: string }>(
    `INSERT INTO users (id, name, email, updated_at) VALUES (gen_random_uuid(), 'On call', 'oncall@bench.test', now()) RETURNING id`,
  );
  const userId = user.rows[0]!.id;
  await db.query(`INSERT INTO team_members (team_id, user_id, role) VALUES ($1, $2, 'responder')`, [team.rows[0]!.id, userId]);
  const method = await db.query<{ id: string }>(
    `INSERT INTO contact_methods (id, user_id, type, value, verified_at) VALUES (gen_random_uuid(), $1, 'log', 'bench', now()) RETURNING id`,
    [userId],
  );
  await db.query(`INSERT INTO notification_rules (id, user_id, contact_method_id, delay_minutes, urgency) VALUES (gen_random_uuid(), $1, $2, 0, 'any')`, [
    userId,
    method.rows[0]!.id,
  ]);
  const steps = [{ delayMinutes: 30, targets: [{ type: 'user', id: userId }] }];
  const policy = await db.query<{ id: string }>(
    `INSERT INTO escalation_policies (id, name, team_id, repeat, steps, updated_at) VALUES (gen_random_uuid(), 'bench', $1, 0, $2, now()) RETURNING id`,
    [team.rows[0]!.id, JSON.stringify(steps)],
  );
  return policy.rows[0]!.id;
}

async function count(db: pg.Pool, table: 'alerts' | 'incidents' | 'notifications' | 'deliveries'): Promise<number> {
  const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return r.rows[0]!.n;
}

async function dropRedisPrefix(redisUrl: string, prefix: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
