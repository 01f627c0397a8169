// Delivery through real Postgres, Redis, api and worker, to a fake webhook
// receiver on loopback: the scenario of issue #7 (Slack unavailable, SMS
// unverified, webhook called, the timeline saying why), retries with backoff
// on 500 and timeouts, 429 with Retry-After, a permanent 4xx moving to the
// next method at once, and a job run twice sending once.
import { createHmac } from 'node:crypto';
import { runDelivery } from '@heinrich/usecases/delivery/run-delivery';
import { webhookSender } from '@heinrich/providers/webhook-sender';
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
  dw = await startDeliveryWorld('test-delivery', {
    DELIVERY_BACKOFF_MS: '100',
    DELIVERY_ATTEMPTS: '3',
    WEBHOOK_TIMEOUT_MS: '500',
    DELIVERY_SWEEP_INTERVAL_MS: '200',
    // every pass re-adds the jobs of queued deliveries already due (a no-op while the job exists)
    DELIVERY_LOST_AFTER_MS: '0',
    PUBLIC_URL: 'https://heinrich.example.com',
  });
  ({ world, delivery, hook } = dw);
}, 60_000);

afterAll(() => dw?.close());

async function method(p: Person, type: string, value: string): Promise<{ id: string; signingSecret?: string }> {
  const res = await world.api.admin('POST', `/api/v1/users/${p.id}/contact-methods`, { type, value });
  expect(res.status).toBe(201);
  return res.body;
}

async function rule(p: Person, contactMethodId: string, delayMinutes: number): Promise<void> {
  expect((await world.api.admin('POST', `/api/v1/users/${p.id}/notification-rules`, { contactMethodId, delayMinutes })).status).toBe(201);
}

/** a service whose policy pages `p` at step 1; returns its integration key */
async function servicePaging(p: Person): Promise<string> {
  const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: p.id }] }]);
  return (await world.service({ policyId })).key;
}

async function deliveries(incidentId: string) {
  const r = await world.api.db.pool.query<{ id: string; channel: string; status: string; attempts: number; dueAt: Date; history: { status: string; error?: string }[] }>(
    `SELECT d.id, d.channel, d.status::text AS status, d.attempts, d.due_at AS "dueAt", d.history
       FROM deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.incident_id = $1 ORDER BY d.created_at, d.channel`,
    [incidentId],
  );
  return r.rows;
}

function callsFor(incidentId: string) {
  return hook.calls.filter((c) => (JSON.parse(c.body) as { incident: { id: string } }).incident.id === incidentId);
}

describe('delivery', () => {
  it('acknowledging cancels the deliveries not sent yet', async () => {
    const lena = world.people.lena;
    const log = await method(lena, 'log', 'lena-log');
    await rule(lena, log.id, 5);
    const incident = await world.trigger(await servicePaging(lena));
    await eventually('the log delivery queued', async () => (await deliveries(incident.id)).find((d) => d.status === 'queued'));
    expect((await world.api.admin('POST', `/api/v1/incidents/${incident.id}/acknowledge`)).status).toBe(200);
    await delivery.kick();
    const [d] = await deliveries(incident.id);
    expect(d).toMatchObject({ status: 'cancelled', attempts: 0 });
    expect(d!.history.at(-1)).toMatchObject({ status: 'cancelled', error: 'incident acknowledged' });
  });

  it('Alice: Slack at 0 (no credentials), webhook at 0, SMS unverified -> the webhook is called, signed; the timeline says why Slack and SMS were not used', async () => {
    const alice = world.people.alice;
    const slack = await method(alice, 'slack', 'U024BE7LH');
    const webhook = await method(alice, 'webhook', hook.url);
    const sms = await method(alice, 'sms', '+14155552671');
    await rule(alice, slack.id, 0);
    await rule(alice, webhook.id, 0);
    await rule(alice, sms.id, 1);
    const incident = await world.trigger(await servicePaging(alice));

    const [call] = await eventually('the webhook call', async () => (callsFor(incident.id).length > 0 ? callsFor(incident.id) : undefined));
    const body = JSON.parse(call!.body);
    expect(body).toMatchObject({
      type: 'incident.page',
      incident: { id: incident.id, number: incident.number, title: 'Disk full', status: 'triggered', urgency: 'high' },
      user: { id: alice.id, name: 'Alice' },
      escalation: { cycle: 0, step: 1 },
      links: { incident: `https://heinrich.example.com/incidents/${incident.number}` },
    });
    // the delivery id, for receivers to drop a repeat (a page may go twice after a worker dies mid-send)
    const [row] = (await deliveries(incident.id)).filter((d) => d.channel === 'webhook');
    expect(call!.headers['idempotency-key']).toBe(row!.id);
    expect(call!.headers['x-heinrich-delivery']).toBe(row!.id);
    const [t, v1] = String(call!.headers['x-heinrich-signature']).split(',');
    const ts = t!.slice(2);
    expect(v1).toBe(`v1=${createHmac('sha256', webhook.signingSecret!).update(`${ts}.${call!.body}`).digest('hex')}`);

    await eventually('the webhook delivery recorded sent', async () => (await deliveries(incident.id)).find((d) => d.channel === 'webhook' && d.status === 'sent'));
    const rows = await deliveries(incident.id);
    expect(rows.map((d) => [d.channel, d.status])).toEqual(expect.arrayContaining([['slack', 'unavailable'], ['webhook', 'sent']]));
    expect(rows.find((d) => d.channel === 'sms')).toBeUndefined();

    const timeline = await world.timeline(incident.id, ['delivery_planned', 'notification_unavailable', 'notified']);
    const text = timeline.map((e) => e.message).join('\n');
    expect(text).toContain('SMS unverified');
    expect(text).toContain('Slack to Alice not sent (Slack: no credentials configured)');
    expect(text).toContain('Paged Alice via webhook');
    expect(callsFor(incident.id)).toHaveLength(1);

    // the delivery log says the same, with the status history
    const log = await world.api.admin('GET', `/api/v1/notifications?incidentId=${incident.id}`);
    expect(log.status).toBe(200);
    expect(log.body.items).toHaveLength(1);
    expect(log.body.items[0]).toMatchObject({ incidentId: incident.id, userId: alice.id, cycle: 0, step: 0, status: 'sent' });
    const byChannel = Object.fromEntries(log.body.items[0].deliveries.map((d: { channel: string }) => [d.channel, d]));
    expect(byChannel.webhook).toMatchObject({ contactMethodId: webhook.id, status: 'sent', attempts: 1 });
    expect(byChannel.webhook.history.map((h: { status: string }) => h.status)).toEqual(['queued', 'sending', 'sent']);
    expect(byChannel.slack).toMatchObject({ status: 'unavailable', error: 'Slack: no credentials configured' });
    expect((await world.api.admin('GET', '/api/v1/notifications')).status).toBe(400);

    // explain says the same, from the recorded events; someone not paged is told so
    const explain = await world.api.admin('GET', `/api/v1/incidents/${incident.number}/explain`);
    expect(explain.status).toBe(200);
    expect(explain.body.people).toHaveLength(1);
    expect(explain.body.people[0]).toMatchObject({ userId: alice.id, paged: true, reached: true });
    expect(explain.body.people[0].summary).toContain('reached via webhook; not used: SMS unverified, Slack: no credentials configured');
    const carol = await world.api.admin('GET', `/api/v1/incidents/${incident.id}/explain?userId=${world.people.carol.id}`);
    expect(carol.body.people[0]).toMatchObject({ paged: false, summary: expect.stringContaining("Carol was not paged: no step of this incident's escalation paged them") });
  });

  it('500 and a timeout are retried with backoff; the job run again sends nothing more', async () => {
    const bob = world.people.bob;
    const webhook = await method(bob, 'webhook', hook.url);
    await rule(bob, webhook.id, 0);
    hook.script({ status: 500 }, 'hang');
    const incident = await world.trigger(await servicePaging(bob));

    const sent = await eventually('the webhook delivery sent after retries', async () => (await deliveries(incident.id)).find((d) => d.status === 'sent'), { timeoutMs: 20_000 });
    const calls = callsFor(incident.id);
    expect(calls).toHaveLength(3);
    // backoff 100 ms, then 200 ms after the 500 ms timeout
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(90);
    expect(calls[2]!.at - calls[1]!.at).toBeGreaterThanOrEqual(500 + 190);
    expect(sent.attempts).toBe(3);
    expect(sent.history.map((h) => h.status)).toEqual(['queued', 'sending', 'queued', 'sending', 'queued', 'sending', 'sent']);
    expect(sent.history[2]!.error).toContain('answered 500');
    expect(sent.history[4]!.error).toContain('no answer within 500 ms');

    // the same job again (a duplicate, a stalled retry): claims nothing, sends nothing
    const again = await runDelivery(
      { db: world.api.db, now: world.clock.now },
      { deliveryId: sent.id, dueAt: sent.dueAt },
      { sender: webhookSender({ timeoutMs: 500, now: world.clock.now }), configured: new Set(['webhook', 'log']), publicUrl: 'https://x', finalAttempt: false, leaseMs: 30_000 },
    );
    expect(again).toEqual({ status: 'skipped' });
    expect(callsFor(incident.id)).toHaveLength(3);
  }, 30_000);

  it('429 with Retry-After: the webhook queue waits that long', async () => {
    const carol = world.people.carol;
    const webhook = await method(carol, 'webhook', hook.url);
    await rule(carol, webhook.id, 0);
    hook.script({ status: 429, headers: { 'retry-after': '1' } });
    const incident = await world.trigger(await servicePaging(carol));

    const sent = await eventually('the webhook delivery sent after the pause', async () => (await deliveries(incident.id)).find((d) => d.status === 'sent'), { timeoutMs: 20_000 });
    const calls = callsFor(incident.id);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(950);
    expect(sent.history.find((h) => h.error)?.error).toContain('answered 429');
  }, 30_000);

  it('a permanent 4xx fails at once and the next method (log, planned at 5 min) goes now', async () => {
    const dave = world.people.dave;
    const webhook = await method(dave, 'webhook', hook.url);
    const log = await method(dave, 'log', 'dave-log');
    await rule(dave, webhook.id, 0);
    await rule(dave, log.id, 5);
    hook.script({ status: 404 });
    const incident = await world.trigger(await servicePaging(dave));

    await eventually('the log delivery sent', async () => (await deliveries(incident.id)).find((d) => d.channel === 'log' && d.status === 'sent'), { timeoutMs: 20_000 });
    const rows = await deliveries(incident.id);
    expect(rows.find((d) => d.channel === 'webhook')).toMatchObject({ status: 'failed', attempts: 1 });
    expect(callsFor(incident.id)).toHaveLength(1);
    const text = (await world.timeline(incident.id, ['notification_failed', 'notified'])).map((e) => e.message);
    expect(text).toEqual([expect.stringMatching(/^webhook to Dave failed \(permanent failure: webhook .* answered 404\); trying log now/), 'Paged Dave via log']);
  }, 30_000);

  // last: it moves the clock
  it('a delivery whose job Redis lost still goes out (the dispatcher re-adds it once due)', async () => {
    const alice = world.people.alice;
    const log = await method(alice, 'log', 'alice-later');
    await world.api.db.prisma.notificationRule.deleteMany({ where: { userId: alice.id } });
    await rule(alice, log.id, 1);
    const incident = await world.trigger(await servicePaging(alice));
    await eventually('the log delivery enqueued', async () => {
      const r = await world.api.db.pool.query(
        `SELECT 1 FROM deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.incident_id = $1 AND d.enqueued_at IS NOT NULL`,
        [incident.id],
      );
      return r.rowCount === 1;
    });
    // Redis loses the delayed job (a flush)
    await delivery.queues.get('log')!.obliterate({ force: true });
    world.clock.advanceMinutes(2);
    await eventually('the log delivery sent', async () => (await deliveries(incident.id)).find((d) => d.status === 'sent'), { timeoutMs: 20_000 });
    expect((await world.timeline(incident.id, ['notified'])).map((e) => e.message)).toEqual(['Paged Alice via log']);
  }, 30_000);

  it('simulate says what the engine then does for the same policy and instant: who, when, how, and the warnings', async () => {
    const { alice, bob } = world.people;
    const policyId = await world.policy([
      { delayMinutes: 10, targets: [{ type: 'user', id: alice.id }] },
      { delayMinutes: 10, targets: [{ type: 'user', id: bob.id }] },
    ]);
    const at = world.clock.now();
    const sim = await world.api.admin('POST', `/api/v1/escalation-policies/${policyId}/simulate`, { at: at.toISOString(), severity: 'critical' });
    expect(sim.status).toBe(200);
    expect(sim.body.urgency).toBe('high');
    const simulated = sim.body.pages.map((p: { at: string; step: number; userId: string }) => [p.at, p.step, p.userId]);
    expect(simulated).toEqual([
      [at.toISOString(), 0, alice.id],
      [new Date(at.getTime() + 10 * 60_000).toISOString(), 1, bob.id],
    ]);
    expect(sim.body.pages[0].sends).toEqual([{ channel: 'log', at: new Date(at.getTime() + 60_000).toISOString(), ruleId: expect.any(String) }]);

    // the engine, for the same policy and instant
    const { key } = await world.service({ policyId });
    const incident = await world.trigger(key);
    world.clock.advanceMinutes(10);
    await world.runDue();
    const pages = await world.pages(incident.id);
    const created = await world.api.db.pool.query<{ createdAt: Date; step: number; userId: string }>(
      `SELECT created_at AS "createdAt", step, user_id AS "userId" FROM notifications WHERE incident_id = $1 ORDER BY step`,
      [incident.id],
    );
    expect(pages.map((p) => [p.step, p.userId])).toEqual([[0, alice.id], [1, bob.id]]);
    expect(created.rows.map((r) => [r.createdAt.toISOString(), r.step, r.userId])).toEqual(simulated);
    expect(sim.body.warnings).toEqual([]);

    // someone nobody can reach is a warning
    const zed = (await world.api.admin('POST', '/api/v1/users', { name: 'Zed', email: `zed-${Date.now()}@example.test` })).body;
    const lonely = await world.policy([{ delayMinutes: 5, targets: [{ type: 'user', id: zed.id }] }]);
    const warned = await world.api.admin('POST', `/api/v1/escalation-policies/${lonely}/simulate`, { at: at.toISOString() });
    expect(warned.body.warnings).toEqual(['Zed (step 1) has no usable contact method']);
  }, 30_000);
});
