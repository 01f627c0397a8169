// Provider status callbacks (recordDeliveryStatus): a delivery sent through the
// real worker pipeline to a fake webhook (its x-request-id is the provider id)
// is then reported delivered or failed, as Twilio's and Slack's callbacks will.
import { recordDeliveryStatus } from '@heinrich/usecases/delivery/record-delivery-status';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EscalationWorld, type Person } from '../escalation/escalation-world';
import { eventually } from '../worker/eventually';
import { startDeliveryWorld, type DeliveryWorld } from './delivery-world';

let world: EscalationWorld;
let hook: DeliveryWorld['hook'];
let dw: DeliveryWorld | undefined;

beforeAll(async () => {
  dw = await startDeliveryWorld('test-delivery-status', {
    DELIVERY_SWEEP_INTERVAL_MS: '200',
    PUBLIC_URL: 'https://heinrich.example.com',
  });
  ({ world, hook } = dw);
}, 60_000);

afterAll(() => dw?.close());

const ctx = () => ({ db: world.api.db, now: world.clock.now });

async function method(p: Person, type: string, value: string): Promise<{ id: string }> {
  const res = await world.api.admin('POST', `/api/v1/users/${p.id}/contact-methods`, { type, value });
  expect(res.status).toBe(201);
  return res.body;
}

async function rule(p: Person, contactMethodId: string, delayMinutes: number): Promise<void> {
  expect((await world.api.admin('POST', `/api/v1/users/${p.id}/notification-rules`, { contactMethodId, delayMinutes })).status).toBe(201);
}

async function deliveries(incidentId: string) {
  const r = await world.api.db.pool.query<{ id: string; channel: string; status: string; providerId: string | null; history: { status: string; error?: string }[] }>(
    `SELECT d.id, d.channel, d.status::text AS status, d.provider_id AS "providerId", d.history
       FROM deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.incident_id = $1 ORDER BY d.created_at, d.channel`,
    [incidentId],
  );
  return r.rows;
}

/** pages `p` (webhook at 0, answered with this request id) and waits for the webhook delivery to be sent */
async function pageViaWebhook(p: Person, requestId: string, extra?: () => Promise<void>): Promise<{ id: string }> {
  const webhook = await method(p, 'webhook', hook.url);
  await rule(p, webhook.id, 0);
  await extra?.();
  hook.script({ status: 200, headers: { 'x-request-id': requestId } });
  const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: p.id }] }]);
  const incident = await world.trigger((await world.service({ policyId })).key);
  await eventually('the webhook delivery sent', async () => (await deliveries(incident.id)).find((d) => d.channel === 'webhook' && d.status === 'sent'));
  return incident;
}

describe('recordDeliveryStatus', () => {
  it('delivered: the delivery says so once, however often the provider repeats it', async () => {
    const incident = await pageViaWebhook(world.people.alice, 'req-alice-1');
    const report = { channel: 'webhook', providerId: 'req-alice-1', status: 'delivered' } as const;
    const first = await recordDeliveryStatus(ctx(), report);
    expect(first).toMatchObject({ status: 'recorded' });
    expect(await recordDeliveryStatus(ctx(), report)).toMatchObject({ status: 'unchanged', current: 'delivered' });
    // a failure reported after delivery changes nothing either
    expect(await recordDeliveryStatus(ctx(), { ...report, status: 'failed', error: 'late' })).toMatchObject({ status: 'unchanged' });

    const [d] = await deliveries(incident.id);
    expect(d).toMatchObject({ status: 'delivered', providerId: 'req-alice-1' });
    expect(d!.history.map((h) => h.status)).toEqual(['queued', 'sending', 'sent', 'delivered']);
    expect((await world.timeline(incident.id, ['notification_delivered'])).map((e) => e.message)).toEqual(['webhook to Alice delivered']);
    // the delivery log shows it
    const log = await world.api.admin('GET', `/api/v1/notifications?incidentId=${incident.id}`);
    expect(log.body.items[0].deliveries[0]).toMatchObject({ status: 'delivered' });
  });

  it('unknown ids are not found', async () => {
    expect(await recordDeliveryStatus(ctx(), { channel: 'webhook', providerId: 'nobody-sent-this', status: 'delivered' })).toEqual({ status: 'not-found' });
    expect(await recordDeliveryStatus(ctx(), { channel: 'webhook', deliveryId: 'not-a-uuid', status: 'delivered' })).toEqual({ status: 'not-found' });
    expect(await recordDeliveryStatus(ctx(), { channel: 'sms', deliveryId: '00000000-0000-4000-8000-000000000000', status: 'failed' })).toEqual({ status: 'not-found' });
  });

  it('failed: the next method (log, planned at 5 min) goes now, once; the timeline says why', async () => {
    const bob = world.people.bob;
    const incident = await pageViaWebhook(bob, 'req-bob-1', async () => {
      const log = await method(bob, 'log', 'bob-log');
      await rule(bob, log.id, 5);
    });
    const report = { channel: 'webhook', providerId: 'req-bob-1', status: 'failed', error: 'handset unreachable' } as const;
    const [first, second] = await Promise.all([recordDeliveryStatus(ctx(), report), recordDeliveryStatus(ctx(), report)]);
    expect([first!.status, second!.status].sort()).toEqual(['recorded', 'unchanged']);

    await eventually('the log delivery sent', async () => (await deliveries(incident.id)).find((d) => d.channel === 'log' && d.status === 'sent'));
    const rows = await deliveries(incident.id);
    expect(rows.find((d) => d.channel === 'webhook')).toMatchObject({ status: 'failed' });
    const text = (await world.timeline(incident.id, ['notification_failed', 'notified'])).map((e) => e.message);
    expect(text).toEqual(['Paged Bob via webhook', 'webhook to Bob failed (provider reported: handset unreachable); trying log now (planned for later)', 'Paged Bob via log']);
  });

  it('failed with nothing left to try: the page is failed', async () => {
    const carol = world.people.carol;
    const incident = await pageViaWebhook(carol, 'req-carol-1');
    expect(await recordDeliveryStatus(ctx(), { channel: 'webhook', providerId: 'req-carol-1', status: 'failed', error: 'gone' })).toMatchObject({
      status: 'recorded',
      fallback: 'nothing left to try',
    });
    expect((await world.pages(incident.id)).map((p) => p.status)).toEqual(['failed']);
  });

  it('failed but not permanent: the same method is sent again', async () => {
    const dave = world.people.dave;
    const incident = await pageViaWebhook(dave, 'req-dave-1');
    const callsBefore = hook.calls.length;
    expect(await recordDeliveryStatus(ctx(), { channel: 'webhook', providerId: 'req-dave-1', status: 'failed', error: 'carrier busy', permanent: false })).toMatchObject({
      status: 'recorded',
      fallback: 'trying webhook again',
    });
    await eventually('sent again', async () => (await deliveries(incident.id)).find((d) => d.history.filter((h) => h.status === 'sent').length === 2));
    expect(hook.calls.length).toBe(callsBefore + 1);
    expect((await world.timeline(incident.id, ['notification_retry'])).map((e) => e.message)).toEqual(['webhook to Dave failed (carrier busy); trying it again']);
  });
});
