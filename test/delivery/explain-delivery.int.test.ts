// Explain for people who were paged, with delivery running (real Postgres,
// Redis, api, worker and delivery; a fake webhook receiver on loopback): a
// failed method and the fallback taken, a rule whose send the acknowledgement
// made unnecessary, a rule that comes after the next step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryRuntime } from '../../apps/worker/src/start-delivery';
import { type EscalationWorld, type Person } from '../escalation/escalation-world';
import { eventually } from '../worker/eventually';
import { startDeliveryWorld, type DeliveryWorld } from './delivery-world';

let world: EscalationWorld;
let delivery: DeliveryRuntime;
let hook: DeliveryWorld['hook'];

let dw: DeliveryWorld | undefined;

beforeAll(async () => {
  dw = await startDeliveryWorld('test-explain-delivery', {
    DELIVERY_BACKOFF_MS: '100',
    DELIVERY_ATTEMPTS: '3',
    WEBHOOK_TIMEOUT_MS: '500',
    DELIVERY_SWEEP_INTERVAL_MS: '200',
    PUBLIC_URL: 'https://heinrich.example.com',
  });
  ({ world, delivery, hook } = dw);
}, 60_000);

afterAll(() => dw?.close());

async function method(p: Person, type: string, value: string): Promise<string> {
  const res = await world.api.admin('POST', `/api/v1/users/${p.id}/contact-methods`, { type, value });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function rule(p: Person, contactMethodId: string, delayMinutes: number): Promise<void> {
  expect((await world.api.admin('POST', `/api/v1/users/${p.id}/notification-rules`, { contactMethodId, delayMinutes })).status).toBe(201);
}

async function deliveries(incidentId: string) {
  const r = await world.api.db.pool.query<{ channel: string; status: string }>(
    `SELECT d.channel, d.status::text AS status FROM deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.incident_id = $1 ORDER BY d.created_at, d.channel`,
    [incidentId],
  );
  return r.rows;
}

async function explainOne(incidentId: string, userId: string): Promise<{ paged: boolean; reached: boolean; summary: string; reasons: { code: string; message: string }[] }> {
  const res = await world.api.admin('GET', `/api/v1/incidents/${incidentId}/explain?userId=${userId}`);
  expect(res.status).toBe(200);
  return res.body.people[0];
}

function callsFor(incidentId: string) {
  return hook.calls.filter((c) => (JSON.parse(c.body) as { incident: { id: string } }).incident.id === incidentId);
}

describe('explain, with delivery running', () => {
  it('a permanent failure: explain says the webhook failed, that log was tried at once, and that log reached them', async () => {
    const dave = world.people.dave;
    await rule(dave, await method(dave, 'webhook', hook.url), 0);
    await rule(dave, await method(dave, 'log', 'dave-log'), 5);
    hook.script({ status: 404 });
    const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: dave.id }] }]);
    const incident = await world.trigger((await world.service({ policyId })).key);
    await eventually('the log delivery sent', async () => (await deliveries(incident.id)).find((d) => d.channel === 'log' && d.status === 'sent'), { timeoutMs: 20_000 });

    const d = await explainOne(incident.id, dave.id);
    expect(d).toMatchObject({ paged: true, reached: true });
    expect(d.reasons.map((r) => r.code)).toEqual(['paged', 'reached', 'delivery_failed']);
    expect(d.summary).toMatch(/^Step 1 of 1: paging Dave \(named in the step\); reached via log; webhook to Dave failed \(permanent failure: webhook .* answered 404\); trying log now/);
  }, 30_000);

  it('acknowledged before a rule was due: explain says that send never went out, and it did not', async () => {
    const bob = world.people.bob;
    await rule(bob, await method(bob, 'log', 'bob-log'), 0);
    await rule(bob, await method(bob, 'webhook', hook.url), 5);
    const t0 = world.clock.now();
    const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: bob.id }] }]);
    const incident = await world.trigger((await world.service({ policyId })).key);
    await eventually('the log delivery sent', async () => (await deliveries(incident.id)).find((d) => d.channel === 'log' && d.status === 'sent'), { timeoutMs: 20_000 });

    world.clock.advanceMinutes(2);
    expect((await world.api.admin('POST', `/api/v1/incidents/${incident.id}/acknowledge`)).status).toBe(200);
    await eventually('the escalation stopped', async () => (await world.timeline(incident.id, ['escalation_stopped']))[0]);
    await delivery.kick();
    world.clock.advanceMinutes(5);
    await delivery.kick();
    expect(await deliveries(incident.id)).toEqual([
      { channel: 'log', status: 'sent' },
      { channel: 'webhook', status: 'cancelled' },
    ]);
    expect(callsFor(incident.id)).toHaveLength(0);

    const b = await explainOne(incident.id, bob.id);
    const iso = (m: number) => new Date(t0.getTime() + m * 60_000).toISOString();
    expect(b.reasons.map((r) => r.code)).toEqual(['paged', 'reached', 'send_not_needed']);
    expect(b.reasons[2]!.message).toBe(`webhook after 5 min (due ${iso(5)}) was not sent: the escalation stopped at ${iso(2)} (the incident is acknowledged), before it was due`);
  }, 30_000);

  it('a rule later than the step: explain says the escalation moves on first', async () => {
    const { carol, alice } = world.people;
    await rule(carol, await method(carol, 'log', 'carol-log'), 0);
    await rule(carol, await method(carol, 'webhook', hook.url), 15);
    const t0 = world.clock.now();
    const policyId = await world.policy([
      { delayMinutes: 10, targets: [{ type: 'user', id: carol.id }] },
      { delayMinutes: 10, targets: [{ type: 'user', id: alice.id }] },
    ]);
    const incident = await world.trigger((await world.service({ policyId })).key);
    await eventually('the log delivery sent', async () => (await deliveries(incident.id)).find((d) => d.channel === 'log' && d.status === 'sent'), { timeoutMs: 20_000 });
    const c = await explainOne(incident.id, carol.id);
    const iso = (m: number) => new Date(t0.getTime() + m * 60_000).toISOString();
    expect(c.reasons.map((r) => r.code)).toEqual(['paged', 'reached', 'rule_after_next_step']);
    expect(c.reasons[2]!.message).toBe(`webhook after 15 min (due ${iso(15)}) comes after the next step (due ${iso(10)}): the escalation moves on before this rule`);
  }, 30_000);
});
