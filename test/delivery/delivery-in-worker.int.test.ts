// Delivery inside the worker runtime, as main.ts runs it: the dispatcher, woken by
// the pages' NOTIFY, plans them and adds the delivery jobs; the worker's /readyz reports delivery's queues and /metrics counts
// deliveries by channel and outcome, times the provider calls, and shows the
// backlog of due deliveries. Everything is observed over HTTP.
import { buildSenders } from '@heinrich/providers/build-senders';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEscalationWorld, type EscalationWorld, type Person } from '../escalation/escalation-world';
import { eventually } from '../worker/eventually';
import { startTestWorker, type TestWorker } from '../worker/start-test-worker';
import { startFakeWebhook } from './fake-webhook';

let world: EscalationWorld;
let worker: TestWorker;
let hook: Awaited<ReturnType<typeof startFakeWebhook>>;

beforeAll(async () => {
  world = await startEscalationWorld({ inProcessWorker: false });
  hook = await startFakeWebhook();
  worker = await startTestWorker({
    databaseUrl: world.api.databaseUrl,
    redisUrl: world.api.redisUrl,
    redisPrefix: world.api.redisPrefix,
    now: world.clock.now,
    env: { ESCALATION_SWEEP_INTERVAL_MS: '3600000', DELIVERY_BACKOFF_MS: '50', DELIVERY_LOST_AFTER_MS: '3600000', WEBHOOK_TIMEOUT_MS: '2000' },
    senders: (config, logger) => buildSenders(config, logger, world.clock.now),
  });
}, 60_000);

afterAll(async () => {
  for (const q of worker?.runtime.delivery?.queues.values() ?? []) await q.obliterate({ force: true }).catch(() => {});
  await worker?.close();
  await hook?.close();
  await world?.close();
});

async function method(p: Person, type: string, value: string, delayMinutes = 0): Promise<void> {
  const m = await world.api.admin('POST', `/api/v1/users/${p.id}/contact-methods`, { type, value });
  expect(m.status).toBe(201);
  expect((await world.api.admin('POST', `/api/v1/users/${p.id}/notification-rules`, { contactMethodId: m.body.id, delayMinutes })).status).toBe(201);
}

async function page(p: Person): Promise<{ id: string }> {
  const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: p.id }] }]);
  return world.trigger((await world.service({ policyId })).key);
}

/** a labelled sample, e.g. heinrich_deliveries_total{channel="webhook",outcome="sent"} */
async function metric(name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await worker.metricsText();
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `) ? want.every((w) => l.includes(w)) : false);
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
}

function callsFor(incidentId: string) {
  return hook.calls.filter((c) => (JSON.parse(c.body) as { incident: { id: string } }).incident.id === incidentId);
}

describe('delivery in the worker', () => {
  it('/readyz reports the delivery queues reachable', async () => {
    const res = await fetch(`${worker.baseUrl}/readyz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { delivery: { status: string; redis: Record<string, string> } };
    expect(body.delivery.status).toBe('reachable');
    expect(body.delivery.redis).toMatchObject({ producer: 'ready', 'deliver-webhook': 'ready', 'deliver-log': 'ready' });
  });

  it('a page reaches the webhook; /metrics counts it sent and times the call', async () => {
    await method(world.people.alice, 'webhook', hook.url);
    const incident = await page(world.people.alice);
    await eventually('the webhook call', async () => callsFor(incident.id).length === 1);
    await eventually('counted sent', async () => (await metric('heinrich_deliveries_total', { channel: 'webhook', outcome: 'sent' })) === 1);
    expect(await metric('heinrich_delivery_send_duration_seconds_count', { channel: 'webhook' })).toBe(1);
    expect(await metric('heinrich_delivery_latency_seconds_count', { channel: 'webhook' })).toBe(1);
    const timeline = await world.timeline(incident.id, ['delivery_planned', 'notified']);
    expect(timeline.map((e) => e.message)).toEqual(['Notifying Alice: webhook now', 'Paged Alice via webhook']);
    // planned by the dispatcher after the step that paged her
    const at = await world.api.db.pool.query<{ type: string }>(
      `SELECT type FROM incident_events WHERE incident_id = $1 AND type IN ('escalation_started', 'delivery_planned') ORDER BY seq`,
      [incident.id],
    );
    expect(at.rows.map((r) => r.type)).toEqual(['escalation_started', 'delivery_planned']);
  });

  it('unavailable (Slack without credentials), retry (a 500) and failed (a 404) are counted by channel', async () => {
    const bob = world.people.bob;
    await method(bob, 'slack', 'U024BE7LH');
    await method(bob, 'webhook', hook.url);
    hook.script({ status: 500 });
    const first = await page(bob);
    await eventually('the webhook sent after a retry', async () => callsFor(first.id).length === 2);
    await eventually('counted', async () => (await metric('heinrich_deliveries_total', { channel: 'webhook', outcome: 'sent' })) === 2);
    expect(await metric('heinrich_deliveries_total', { channel: 'slack', outcome: 'unavailable' })).toBe(1);
    expect(await metric('heinrich_deliveries_total', { channel: 'webhook', outcome: 'retry' })).toBe(1);
    // the latency is of the first try only; every call is timed
    expect(await metric('heinrich_delivery_latency_seconds_count', { channel: 'webhook' })).toBe(2);
    expect(await metric('heinrich_delivery_send_duration_seconds_count', { channel: 'webhook' })).toBe(3);

    const carol = world.people.carol;
    await method(carol, 'webhook', hook.url);
    await method(carol, 'log', 'carol-log', 5);
    hook.script({ status: 404 });
    const second = await page(carol);
    await eventually('the log fallback sent', async () => (await metric('heinrich_deliveries_total', { channel: 'log', outcome: 'sent' })) === 1);
    expect(await metric('heinrich_deliveries_total', { channel: 'webhook', outcome: 'failed' })).toBe(1);
    expect(callsFor(second.id)).toHaveLength(1);
  });

  // last: it moves the clock
  it('the backlog gauge counts deliveries due and not sent, and claims past their lease', async () => {
    expect(await metric('heinrich_delivery_backlog')).toBe(0);
    await method(world.people.dave, 'log', 'dave-log', 2);
    await page(world.people.dave);
    expect(await metric('heinrich_delivery_backlog')).toBe(0);
    // by the engine's clock it is due now; its job sleeps on in real time (and is not taken for lost)
    world.clock.advanceMinutes(3);
    expect(await metric('heinrich_delivery_backlog')).toBe(1);
    // claimed: not waiting while its lease is live; past it (its worker died mid-send) it is waiting again
    const claim = (leaseUntil: Date) =>
      world.api.db.pool.query(
        `UPDATE deliveries d SET status = 'sending', lease_until = $2 FROM notifications n WHERE n.id = d.notification_id AND n.user_id = $1`,
        [world.people.dave.id, leaseUntil],
      );
    await claim(new Date(world.clock.now().getTime() + 3_600_000));
    expect(await metric('heinrich_delivery_backlog')).toBe(0);
    await claim(new Date(world.clock.now().getTime() - 1_000));
    expect(await metric('heinrich_delivery_backlog')).toBe(1);
  });
});
