// Acceptance (issue 18), in real time: a heartbeat with a 60 s interval and no
// grace, pinged once and then left alone, pages its on-call person within 75 s
// through one incident, with TWO worker runtimes running (each with its
// heartbeat pass, engine and delivery, as main.ts starts them) on the same
// Postgres and Redis: still one incident and one page. The page is a real
// webhook call to a receiver on loopback. A ping resolves the incident. Both
// workers' /metrics show the heartbeat's last ping and status from Postgres.
import { randomUUID } from 'node:crypto';
import { buildSenders } from '@heinrich/providers/build-senders';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeWebhook } from '../delivery/fake-webhook';
import { startEscalationWorld, type EscalationWorld } from '../escalation/escalation-world';
import { eventually } from '../worker/eventually';
import { startTestWorker, type TestWorker } from '../worker/start-test-worker';

let world: EscalationWorld;
let hook: Awaited<ReturnType<typeof startFakeWebhook>>;
const workers: TestWorker[] = [];

beforeAll(async () => {
  world = await startEscalationWorld({ inProcessWorker: false, realClock: true });
  hook = await startFakeWebhook();
  for (let i = 0; i < 2; i++) {
    workers.push(
      await startTestWorker({
        databaseUrl: world.api.databaseUrl,
        redisUrl: world.api.redisUrl,
        redisPrefix: world.api.redisPrefix,
        env: { HEARTBEAT_CHECK_INTERVAL_MS: '1000', DELIVERY_BACKOFF_MS: '100' },
        senders: (config, logger) => buildSenders(config, logger, () => new Date()),
      }),
    );
  }
}, 60_000);

afterAll(async () => {
  for (const w of workers) for (const q of w.runtime.delivery?.queues.values() ?? []) await q.obliterate({ force: true }).catch(() => {});
  for (const w of workers) await w.close();
  await hook?.close();
  await world?.close();
});

/** a labelled sample of a worker's /metrics, e.g. heinrich_heartbeat_status{...,status="up"}; undefined when absent */
async function metric(worker: TestWorker, name: string, labels: Record<string, string>): Promise<number | undefined> {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = (await worker.metricsText()).split('\n').find((l) => l.startsWith(`${name}{`) && want.every((w) => l.includes(w)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

it('60 s interval, no grace, pinged once: one incident and one page within 75 s with two workers; a ping resolves it', { timeout: 150_000 }, async () => {
  const alice = world.people.alice;
  const m = await world.api.admin('POST', `/api/v1/users/${alice.id}/contact-methods`, { type: 'webhook', value: hook.url });
  expect(m.status, JSON.stringify(m.body)).toBe(201);
  expect((await world.api.admin('POST', `/api/v1/users/${alice.id}/notification-rules`, { contactMethodId: m.body.id, delayMinutes: 0 })).status).toBe(201);
  const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: alice.id }] }]);
  const service = await world.service({ policyId });
  const serviceName = (await world.api.admin('GET', `/api/v1/services/${service.id}`)).body.name as string;
  const name = `cron-${randomUUID().slice(0, 6)}`;
  const created = await world.api.admin('POST', '/api/v1/heartbeats', { serviceId: service.id, name, intervalSeconds: 60, graceSeconds: 0 });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const labels = { service: serviceName, heartbeat: name };

  // never pinged: new, no last-ping sample
  for (const w of workers) {
    expect(await metric(w, 'heinrich_heartbeat_status', { ...labels, status: 'new' })).toBe(1);
    expect(await metric(w, 'heinrich_heartbeat_last_ping_timestamp_seconds', labels)).toBeUndefined();
  }

  const pingedAt = Date.now();
  const pinged = await world.api.request('POST', `/api/v1/heartbeats/${created.body.token}/ping`);
  expect(pinged.status).toBe(200);
  const lastPing = Date.parse(pinged.body.lastPingAt as string) / 1000;
  for (const w of workers) {
    expect(await metric(w, 'heinrich_heartbeat_status', { ...labels, status: 'up' })).toBe(1);
    expect(await metric(w, 'heinrich_heartbeat_status', { ...labels, status: 'down' })).toBe(0);
    expect(await metric(w, 'heinrich_heartbeat_last_ping_timestamp_seconds', labels)).toBe(lastPing);
  }

  const incidentOf = async () => {
    const r = await world.api.db.pool.query<{ id: string; status: string }>(
      `SELECT id, status::text AS status FROM incidents WHERE service_id = $1 AND title LIKE $2 ORDER BY number`,
      [service.id, `Heartbeat '${name}' missed%`],
    );
    return r.rows;
  };
  const pagesOf = (incidentId: string) => hook.calls.filter((c) => (JSON.parse(c.body) as { incident: { id: string } }).incident.id === incidentId);

  // left alone: the page arrives between 60 s and 75 s after the ping
  const [incident] = await eventually('the missed-heartbeat incident', async () => ((await incidentOf()).length > 0 ? incidentOf() : undefined), { timeoutMs: 80_000, intervalMs: 250 });
  await eventually('the page', async () => pagesOf(incident!.id).length > 0, { timeoutMs: 80_000 - (Date.now() - pingedAt), intervalMs: 100 });
  const pagedAfter = (hook.calls.find((c) => pagesOf(incident!.id).includes(c))!.at - pingedAt) / 1000;
  expect(pagedAfter).toBeGreaterThanOrEqual(60);
  expect(pagedAfter).toBeLessThan(75);

  // both workers' passes ran several times more: still one incident, one page, one notification
  await new Promise((r) => setTimeout(r, 3_000));
  expect(await incidentOf()).toEqual([{ id: incident!.id, status: 'triggered' }]);
  expect(pagesOf(incident!.id)).toHaveLength(1);
  expect((await world.pages(incident!.id)).map((p) => p.userId)).toEqual([alice.id]);
  expect((await world.timeline(incident!.id, ['heartbeat_missed'])).map((e) => e.message)).toEqual([
    `Heartbeat '${name}' missed: last ping 1 min ago, expected every 1 min`,
  ]);
  for (const w of workers) expect(await metric(w, 'heinrich_heartbeat_status', { ...labels, status: 'down' })).toBe(1);

  // the next ping resolves it (within 5 s: here, before the ping is answered)
  expect((await world.api.request('POST', `/api/v1/heartbeats/${created.body.token}/ping`)).status).toBe(200);
  expect(await incidentOf()).toEqual([{ id: incident!.id, status: 'resolved' }]);
  for (const w of workers) expect(await metric(w, 'heinrich_heartbeat_status', { ...labels, status: 'up' })).toBe(1);
});
