// A test page (POST /api/v1/users/{id}/contact-methods/{methodId}/test) through
// real Postgres, Redis, api and worker: an SMS through the real twilio client to
// the fake Twilio and a webhook to the fake receiver; who may send one; one a
// minute per method (429); the page is marked as a test on the delivery log,
// listed nowhere, never escalated and never falls back to another method; each
// method says when it last delivered anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwilioWorld, type TwilioWorld } from '../twilio/twilio-world';
import { eventually } from '../worker/eventually';
import { startFakeWebhook } from './fake-webhook';

let t: TwilioWorld;
let hook: Awaited<ReturnType<typeof startFakeWebhook>>;

beforeAll(async () => {
  t = await startTwilioWorld({ WEBHOOK_ALLOW_PRIVATE: 'true' });
  hook = await startFakeWebhook();
}, 60_000);

afterAll(async () => {
  await hook?.close();
  await t?.close();
});

interface Delivery {
  status: string;
  error: string | null;
  contactMethodId: string;
}

async function deliveryLog(incidentId: string): Promise<{ test: boolean; status: string; deliveries: Delivery[] }[]> {
  const res = await t.world.api.admin('GET', `/api/v1/notifications?incidentId=${incidentId}`);
  expect(res.status).toBe(200);
  return res.body.items;
}

const minutes = (n: number) => t.world.clock.advanceMinutes(n);

describe('test pages', () => {
  it('sends a real SMS to exactly that method, marked as a test, delivered when Twilio says so', async () => {
    const carol = t.world.people.carol;
    const number = '+14155550177';
    const sms = await t.phone(carol, 'sms', number);
    // another method and a rule: a test page must not use them
    const other = await t.method(carol, 'webhook', hook.url);
    await t.rule(carol, other, 0);
    const before = hook.calls.length;

    const res = await t.world.api.admin('POST', `/api/v1/users/${carol.id}/contact-methods/${sms}/test`);
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toMatchObject({ status: 'queued', incidentNumber: expect.any(Number) });
    const { incidentId } = res.body as { incidentId: string };

    const msg = await eventually('the test SMS', async () => t.twilio.messages.find((m) => m.to === number && m.body.includes('Test page for')));
    expect(msg.body).toContain('Test page for Carol');
    await eventually('sent', async () => ((await deliveryLog(incidentId))[0]?.deliveries[0]?.status === 'sent' ? true : undefined));
    await t.twilio.messageStatus(msg, 'delivered');
    const [page] = await eventually('delivered', async () => {
      const log = await deliveryLog(incidentId);
      return log[0]?.deliveries[0]?.status === 'delivered' ? log : undefined;
    });
    expect(page!.test).toBe(true);
    expect(page!.deliveries).toHaveLength(1);
    expect(page!.deliveries[0]!.contactMethodId).toBe(sms);
    expect(hook.calls.length).toBe(before);

    // listed nowhere, open nowhere, never escalated
    const list = await t.world.api.admin('GET', '/api/v1/incidents?limit=200');
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(incidentId);
    const services = await t.world.api.admin('GET', '/api/v1/services?limit=200');
    expect(services.body.items.map((s: { name: string }) => s.name)).not.toContain('Heinrich test pages');
    const esc = await t.world.api.db.pool.query(`SELECT 1 FROM incident_escalations WHERE incident_id = $1`, [incidentId]);
    expect(esc.rowCount).toBe(0);

    // the method says when it last delivered
    const methods = await t.world.api.admin('GET', `/api/v1/users/${carol.id}/contact-methods`);
    const m = methods.body.items.find((x: { id: string }) => x.id === sms);
    expect(m.lastDeliveredAt).not.toBeNull();
    expect(methods.body.items.find((x: { id: string }) => x.id === other).lastDeliveredAt).toBeNull();

    // the audit log has it
    const audit = await t.world.api.admin('GET', `/api/v1/audit-log?entityType=contact_method&entityId=${sms}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('contact_method.test');
  });

  it('one a minute per method: a second one is 429 saying when to try again', async () => {
    const dave = t.world.people.dave;
    const webhook = await t.method(dave, 'webhook', hook.url);
    const first = await t.world.api.admin('POST', `/api/v1/users/${dave.id}/contact-methods/${webhook}/test`);
    expect(first.status).toBe(202);
    const second = await t.world.api.admin('POST', `/api/v1/users/${dave.id}/contact-methods/${webhook}/test`);
    expect(second.status).toBe(429);
    expect(second.body.error.message).toMatch(/less than a minute ago; try again in \d+ seconds?/);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    minutes(1);
    const third = await t.world.api.admin('POST', `/api/v1/users/${dave.id}/contact-methods/${webhook}/test`);
    expect(third.status).toBe(202);
    // the webhook fake got the pages, through the real sender
    await eventually('two webhook calls', async () => (hook.calls.filter((c) => c.body.includes('Test page for Dave')).length >= 2 ? true : undefined));
  });

  it('a failed test page shows the provider error and tries no other method', async () => {
    const bob = t.world.people.bob;
    const number = '+14155550178';
    const sms = await t.phone(bob, 'sms', number);
    const log = await t.method(bob, 'log', 'bob-test-log');
    await t.rule(bob, log, 0);
    t.twilio.fail(number, { status: 400, code: 21211, message: "The 'To' number is not a valid phone number" });
    const res = await t.world.api.admin('POST', `/api/v1/users/${bob.id}/contact-methods/${sms}/test`);
    expect(res.status).toBe(202);
    const [page] = await eventually('failed', async () => {
      const l = await deliveryLog(res.body.incidentId);
      return l[0]?.deliveries[0]?.status === 'failed' ? l : undefined;
    });
    expect(page!.deliveries).toHaveLength(1);
    expect(page!.deliveries[0]!.error).toMatch(/21211/);
    expect(page!.status).toBe('failed');
  });

  it('the person, leads of their team and admins may; a responder of the team may not', async () => {
    const api = t.world.api;
    const alice = t.world.people.alice;
    const webhook = await t.method(alice, 'webhook', hook.url);
    const responder = await api.createUser({ teams: { [t.world.team.id]: 'responder' } });
    const refused = await responder.call('POST', `/api/v1/users/${alice.id}/contact-methods/${webhook}/test`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe("Only Alice, an admin or a lead of one of Alice's teams can send a test page to Alice");
    const lead = await api.createUser({ teams: { [t.world.team.id]: 'lead' } });
    expect((await lead.call('POST', `/api/v1/users/${alice.id}/contact-methods/${webhook}/test`)).status).toBe(202);
    const missing = await api.admin('POST', `/api/v1/users/${alice.id}/contact-methods/00000000-0000-4000-8000-000000000000/test`);
    expect(missing.status).toBe(404);
  });
});
