// Two of everything (issue 20 §5): two api and two worker processes (`node apps/<app>/src/main.ts`,
// as production runs them) on one Postgres and one Redis prefix, a storm of alerts sent
// across both apis (300 events-API triggers over about 20 s; a request that fails is sent
// again to the other api, as a load balancer or Alertmanager's retry would), one api and
// one worker killed with SIGKILL in the middle. Every alert answered 2xx is stored, and
// every incident's page reaches the webhook receiver at least once; a repeat carries the
// same delivery id (Idempotency-Key). Recovery from the killed worker waits for its
// claims' lease (DELIVERY_LEASE_MS, at least 25 s) and BullMQ's stalled-job check (30 s).
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { startEscalationWorld, type EscalationWorld } from '../escalation/escalation-world';
import { TEST_ADMIN_KEY } from '../support/api-server';
import { deliveryQueuesCleanup } from '../support/delivery-queues';
import { eventually } from '../worker/eventually';
import { spawnAppProcess, type AppProcess } from './spawn-app-process';

const ALERTS = 300;
const STORM_MS = 20_000;
const PUBLIC_URL = 'https://heinrich.example.com';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn().catch(() => {});
});

interface Call {
  headers: IncomingHttpHeaders;
  body: { deliveryId: string; incident: { id: string } };
}

async function startReceiver(): Promise<{ url: string; calls: Call[] }> {
  const calls: Call[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      calls.push({ headers: req.headers, body: JSON.parse(body) as Call['body'] });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, calls };
}

async function seed(w: EscalationWorld, url: string): Promise<{ serviceId: string; key: string }> {
  const alice = w.people.alice;
  const m = await w.api.admin('POST', `/api/v1/users/${alice.id}/contact-methods`, { type: 'webhook', value: url });
  expect(m.status).toBe(201);
  expect((await w.api.admin('POST', `/api/v1/users/${alice.id}/notification-rules`, { contactMethodId: m.body.id, delayMinutes: 0 })).status).toBe(201);
  const policyId = await w.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: alice.id }] }]);
  // a storm of new incidents would hold them (storm mode): this test wants every one paged
  const service = await w.service({ policyId, noise: { storm: { enabled: false } } });
  return { serviceId: service.id, key: service.key };
}

it('two apis and two workers, one of each killed with SIGKILL mid-storm: every alert answered 2xx stored, every page delivered', { timeout: 240_000 }, async () => {
  const w = await startEscalationWorld({ inProcessWorker: false, realClock: true });
  cleanup.push(() => w.close());
  cleanup.push(deliveryQueuesCleanup(w.api.redisUrl, w.api.redisPrefix));
  const receiver = await startReceiver();
  const { serviceId, key } = await seed(w, receiver.url);

  const shared = { DATABASE_URL: w.api.databaseUrl, REDIS_URL: w.api.redisUrl, REDIS_PREFIX: w.api.redisPrefix, PUBLIC_URL, LOG_LEVEL: 'warn' };
  const apiEnv = { ...shared, HEINRICH_ADMIN_API_KEY: TEST_ADMIN_KEY };
  const workerEnv = {
    ...shared,
    // the receiver is on loopback while PUBLIC_URL is not (docs/configuration.md)
    WEBHOOK_ALLOW_PRIVATE: 'true',
    OUTBOX_RELAY_INTERVAL_MS: '500',
    OUTBOX_STALE_AFTER_MS: '2000',
    ESCALATION_SWEEP_INTERVAL_MS: '1000',
    DELIVERY_SWEEP_INTERVAL_MS: '1000',
    DELIVERY_LOST_AFTER_MS: '5000',
    // DELIVERY_LEASE_MS: the least allowed, 25 s (the longest send, a Slack DM, plus 5 s)
    DELIVERY_LEASE_MS: '25000',
  };
  const started = await Promise.all([spawnAppProcess('api', apiEnv), spawnAppProcess('api', apiEnv), spawnAppProcess('worker', workerEnv), spawnAppProcess('worker', workerEnv)]);
  for (const p of started) cleanup.push(() => p.kill9());
  const [apiA, apiB, workerA] = started as [AppProcess, AppProcess, AppProcess, AppProcess];

  const accepted = new Set<string>();
  const refused: string[] = [];
  async function send(i: number): Promise<void> {
    const dedupKey = `storm-${i}-${randomUUID().slice(0, 8)}`;
    const body = JSON.stringify({ routing_key: key, event_action: 'trigger', dedup_key: dedupKey, payload: { summary: `Storm ${i}`, source: `host-${i}`, severity: 'critical' } });
    const order = i % 2 === 0 ? [apiA, apiB] : [apiB, apiA];
    for (const api of order) {
      const status = await fetch(`${api.baseUrl}/api/v1/integrations/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(30_000),
      }).then(
        async (r) => {
          await r.arrayBuffer();
          return r.status;
        },
        () => 0,
      );
      if (status >= 200 && status < 300) {
        accepted.add(dedupKey);
        return;
      }
    }
    refused.push(dedupKey);
  }

  // the storm: evenly spread, half of it before the kill
  const sends: Promise<void>[] = [];
  const stormStart = Date.now();
  for (let i = 0; i < ALERTS; i++) {
    if (i === ALERTS / 2) await Promise.all([apiA.kill9(), workerA.kill9()]);
    sends.push(send(i));
    const next = stormStart + ((i + 1) * STORM_MS) / ALERTS;
    await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
  }
  await Promise.all(sends);
  const stormEnd = Date.now();
  expect(refused).toEqual([]);
  expect(accepted.size).toBe(ALERTS);

  // every alert answered 2xx is stored, each in an incident of its own
  const stored = await w.api.db.pool.query<{ fingerprint: string; incidentId: string }>(
    `SELECT fingerprint, incident_id AS "incidentId" FROM alerts WHERE service_id = $1`,
    [serviceId],
  );
  const incidentOf = new Map(stored.rows.map((r) => [r.fingerprint, r.incidentId]));
  expect([...accepted].filter((k) => !incidentOf.has(k))).toEqual([]);
  const incidents = new Set(stored.rows.map((r) => r.incidentId));
  expect(incidents.size).toBe(stored.rows.length);

  // every incident's page is delivered (the receiver saw it), its delivery `sent`
  const rows = await eventually(
    'every page delivered',
    async () => {
      const r = await w.api.db.pool.query<{ id: string; incidentId: string; status: string }>(
        `SELECT d.id, n.incident_id AS "incidentId", d.status::text AS status
           FROM deliveries d JOIN notifications n ON n.id = d.notification_id
           JOIN incidents i ON i.id = n.incident_id WHERE i.service_id = $1`,
        [serviceId],
      );
      const seen = new Set(receiver.calls.map((c) => c.body.incident.id));
      const done = r.rows.length >= incidents.size && r.rows.every((d) => d.status === 'sent') && [...incidents].every((id) => seen.has(id));
      return done && r.rows;
    },
    { timeoutMs: 120_000, intervalMs: 500 },
  );
  const deliveredAfter = Date.now() - stormEnd;

  // one page per incident (one person, one method), never doubled; repeats carry its delivery id
  const deliveryOf = new Map<string, string>();
  for (const d of rows) {
    expect(deliveryOf.has(d.incidentId), `incident ${d.incidentId} has one delivery`).toBe(false);
    deliveryOf.set(d.incidentId, d.id);
  }
  expect(deliveryOf.size).toBe(incidents.size);
  for (const call of receiver.calls) {
    const id = deliveryOf.get(call.body.incident.id);
    expect(call.body.deliveryId).toBe(id);
    expect(call.headers['idempotency-key']).toBe(id);
  }
  const repeats = receiver.calls.length - deliveryOf.size;
  console.info(
    `two of everything: ${ALERTS} alerts over ${stormEnd - stormStart} ms, api and worker killed at ${ALERTS / 2}; ` +
      `${incidents.size} incidents, ${receiver.calls.length} webhook calls (${repeats} repeats of a page), all delivered ${deliveredAfter} ms after the storm`,
  );
});
