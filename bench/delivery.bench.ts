// Delivery benchmark (issue 7): events-API alerts at a steady rate, each a new
// incident whose escalation pages Bob, whose one rule is a webhook at 0 min to a
// fake receiver on loopback -> latency from the API answering 202 (accepted) to
// the webhook call arriving: the whole path (outbox, incident-events job,
// escalation step 1, the pages' NOTIFY, the delivery plan, the deliver-webhook
// job, the signed POST). Goal: p99 < 100 ms. The api runs in its own process;
// the worker runtime, the delivery runtime and the receiver share this one.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadWorkerConfig } from '@heinrich/config/load-config';
import { createLogger } from '@heinrich/config/logger';
import { sha256Hex } from '@heinrich/core/alert-group';
import { createDatabase, pingDatabase } from '@heinrich/db/create-database';
import pg from 'pg';
import { buildSenders } from '@heinrich/providers/build-senders';
import { startWorker } from '../apps/worker/src/start-worker';
import { startApiProcess } from './api-process';
import { createBenchDatabase } from './bench-database';
import { round } from './load';

export interface DeliveryBenchOptions {
  adminDatabaseUrl: string;
  redisUrl: string;
  /** incidents per second, and for how long */
  rate: number;
  seconds: number;
}

export async function deliveryBench(opts: DeliveryBenchOptions) {
  const database = await createBenchDatabase(opts.adminDatabaseUrl);
  const prefix = `bench-dlv-${randomUUID().slice(0, 8)}`;
  const arrivals = new Map<string, number>();
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const title = (JSON.parse(body) as { incident: { title: string } }).incident.title;
      if (!arrivals.has(title)) arrivals.set(title, performance.now());
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

  const raw = new pg.Client({ connectionString: database.url });
  await raw.connect();
  const routingKey = `hk_${randomBytes(24).toString('base64url')}`;
  await seed(raw, hookUrl, routingKey);
  const logger = createLogger({ name: 'bench-delivery', level: 'silent' });
  const db = createDatabase({ url: database.url, poolSize: 20, applicationName: 'bench-delivery' });
  const config = loadWorkerConfig({
    DATABASE_URL: database.url,
    REDIS_URL: opts.redisUrl,
    REDIS_PREFIX: prefix,
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATABASE_POOL_SIZE: '20',
  });
  const worker = await startWorker({ config, logger, db, pingDatabase: () => pingDatabase(db), senders: buildSenders(config, logger) });
  const api = await startApiProcess({ DATABASE_URL: database.url, REDIS_URL: opts.redisUrl, REDIS_PREFIX: prefix, HEINRICH_ADMIN_API_KEY: 'bench-admin-key-0123456789abcdef' });
  try {
    const accepted = new Map<string, number>();
    const total = opts.rate * opts.seconds;
    const start = performance.now();
    const sends: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const wait = start + (i * 1000) / opts.rate - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const title = `bench ${i}`;
      sends.push(
        fetch(`${api.baseUrl}/api/v1/integrations/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ routing_key: routingKey, event_action: 'trigger', dedup_key: `d${i}`, payload: { summary: title, source: 'bench', severity: 'critical' } }),
        }).then(async (res) => {
          await res.arrayBuffer();
          if (res.status === 202) accepted.set(title, performance.now());
        }),
      );
    }
    await Promise.all(sends);
    const deadline = Date.now() + 60_000;
    while (arrivals.size < accepted.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const ms = [...accepted].filter(([t]) => arrivals.has(t)).map(([t, at]) => arrivals.get(t)! - at).sort((a, b) => a - b);
    const pct = (p: number) => round(ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))] ?? NaN);
    // where the time goes, from the rows' own timestamps (one database clock)
    const stages = await raw.query<{ page: number; plan: number; enqueue: number; claim: number; send: number }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM n.created_at - i.created_at) * 1000) AS page,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.created_at - n.created_at) * 1000) AS plan,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.enqueued_at - d.created_at) * 1000) AS enqueue,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (d.history->1->>'at')::timestamptz - d.enqueued_at) * 1000) AS claim,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.updated_at - (d.history->1->>'at')::timestamptz) * 1000) AS send
         FROM deliveries d JOIN notifications n ON n.id = d.notification_id JOIN incidents i ON i.id = n.incident_id`,
    );
    const st = stages.rows[0]!;
    return {
      ratePerSecond: opts.rate,
      stagesP50Ms: { incidentToPage: round(st.page), pageToDelivery: round(st.plan), deliveryToEnqueued: round(st.enqueue), enqueuedToClaimed: round(st.claim), claimedToSent: round(st.send) },
      incidents: total,
      accepted: accepted.size,
      webhookCalls: arrivals.size,
      acceptedToFirstDeliveryMs: { p50: pct(50), p95: pct(95), p99: pct(99), max: round(ms.at(-1) ?? NaN) },
      goalP99Ms: 100,
    };
  } finally {
    await api.stop();
    await worker.close();
    await raw.end();
    await db.close();
    await new Promise((r) => receiver.close(r));
    await database.drop();
  }
}

/** Bob with a webhook rule at 0 min, a one-step policy paging him, an events integration key */
async function seed(c: pg.Client, hookUrl: string, routingKey: string): Promise<void> {
  const bob = randomUUID();
  const method = randomUUID();
  const policy = randomUUID();
  const service = randomUUID();
  await c.query(`INSERT INTO users (id, name, email, updated_at) VALUES ($1, 'Bob', 'bob@bench.test', now())`, [bob]);
  await c.query(`INSERT INTO contact_methods (id, user_id, type, value, verified_at, signing_secret) VALUES ($1, $2, 'webhook', $3, now(), 'whsec_bench')`, [method, bob, hookUrl]);
  await c.query(`INSERT INTO notification_rules (id, user_id, contact_method_id, delay_minutes, urgency) VALUES (gen_random_uuid(), $1, $2, 0, 'any')`, [bob, method]);
  await c.query(`INSERT INTO escalation_policies (id, name, repeat, steps, updated_at) VALUES ($1, 'bench', 0, $2, now())`, [
    policy,
    JSON.stringify([{ delayMinutes: 5, targets: [{ type: 'user', id: bob }] }]),
  ]);
  await c.query(`INSERT INTO services (id, name, escalation_policy_id, noise, updated_at) VALUES ($1, 'bench', $2, '{"storm":{"enabled":false}}', now())`, [service, policy]);
  await c.query(
    `INSERT INTO integration_keys (id, service_id, type, name, secret_hash, secret_prefix) VALUES (gen_random_uuid(), $1, 'events', 'bench', $2, $3)`,
    [service, sha256Hex(routingKey), routingKey.slice(0, 8)],
  );
}
