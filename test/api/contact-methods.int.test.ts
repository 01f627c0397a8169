// Contact methods and personal notification rules through real HTTP: values
// checked per type (E.164 phones stored unverified, https webhooks with a
// signing secret shown once), the user themselves and admins only, the audit
// log, rules only on the user's own methods, deleting a method deletes its rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type SignedInUser, type TestApi } from '../support/api-server';

let api: TestApi;
let alice: SignedInUser;
let bob: SignedInUser;
beforeAll(async () => {
  api = await startTestApi();
  alice = await api.createUser({ name: 'Alice' });
  bob = await api.createUser({ name: 'Bob' });
});
afterAll(async () => {
  await api?.close();
});

describe('contact methods', () => {
  it('stores a phone number in E.164 form, unverified', async () => {
    const res = await alice.call('POST', `/api/v1/users/${alice.id}/contact-methods`, { type: 'sms', value: '+49 151 1234 5678' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      userId: alice.id,
      type: 'sms',
      value: '+4915112345678',
      verified: false,
      verifiedAt: null,
      disabled: false,
      disabledAt: null,
      disabledReason: null,
      lastDeliveredAt: null,
      createdAt: expect.any(String),
      // this api has no Twilio: the number is kept unverified and the answer says so (test/twilio/)
      verification: { status: 'unavailable', message: expect.stringContaining('Twilio is not configured for SMS') },
    });
    expect(res.headers.get('location')).toBe(`/api/v1/users/${alice.id}/contact-methods/${res.body.id}`);
  });

  it('gives a webhook method a signing secret, shown once and never listed', async () => {
    const res = await alice.call('POST', `/api/v1/users/${alice.id}/contact-methods`, { type: 'webhook', value: 'https://hooks.example.com/alice' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'webhook', verified: true, signingSecret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/) });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const stored = await api.db.prisma.contactMethod.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(stored.signingSecret).toBe(res.body.signingSecret);
    const list = await alice.call('GET', `/api/v1/users/${alice.id}/contact-methods`);
    expect(list.status).toBe(200);
    expect(list.body.items.find((m: { id: string }) => m.id === res.body.id)).not.toHaveProperty('signingSecret');
  });

  it.each([
    ['sms', '0151 12345678', 'value must be an E.164 phone number'],
    ['voice', '+49 1', 'value is not a valid phone number'],
    ['webhook', 'http://hooks.example.com/x', 'value must be an https URL'],
    ['slack', '#ops', 'value must be a Slack member id'],
    ['pager', 'x', 'type must be "sms", "voice", "slack", "webhook" or "log"'],
  ])('refuses %s %j: 400 naming the field', async (type, value, message) => {
    const res = await alice.call('POST', `/api/v1/users/${alice.id}/contact-methods`, { type, value });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  it("only the user themselves and admins see and change someone's methods", async () => {
    const denied = await bob.call('POST', `/api/v1/users/${alice.id}/contact-methods`, { type: 'log', value: 'bob was here' });
    expect(denied.status).toBe(403);
    expect(JSON.stringify(denied.body)).toContain("Only Alice or an admin can add Alice's contact methods");
    expect((await bob.call('GET', `/api/v1/users/${alice.id}/contact-methods`)).status).toBe(403);
    const byAdmin = await api.admin('POST', `/api/v1/users/${alice.id}/contact-methods`, { type: 'log', value: 'demo' });
    expect(byAdmin.status).toBe(201);
    expect((await api.admin('GET', `/api/v1/users/${alice.id}/contact-methods`)).status).toBe(200);
  });

  it('answers 404 for an unknown user', async () => {
    const res = await api.admin('GET', '/api/v1/users/00000000-0000-4000-8000-000000000000/contact-methods');
    expect(res.status).toBe(404);
  });
});

describe('notification rules', () => {
  it('adds rules on own methods, lists them by delay, and a method takes its rules along when deleted', async () => {
    const slack = (await alice.call('POST', `/api/v1/users/${alice.id}/contact-methods`, { type: 'slack', value: 'U024BE7LH' })).body;
    const sms = (await alice.call('POST', `/api/v1/users/${alice.id}/contact-methods`, { type: 'sms', value: '+14155552671' })).body;
    const late = await alice.call('POST', `/api/v1/users/${alice.id}/notification-rules`, { contactMethodId: sms.id, delayMinutes: 1, urgency: 'high' });
    expect(late.status).toBe(201);
    const first = await alice.call('POST', `/api/v1/users/${alice.id}/notification-rules`, { contactMethodId: slack.id, delayMinutes: 0 });
    expect(first.body).toMatchObject({ contactMethodId: slack.id, delayMinutes: 0, urgency: 'any' });
    // kept, with why they would send nothing yet: an unverified number, no Slack app in this Heinrich
    expect(late.body.warnings.map((w: { message: string }) => w.message)).toContain('This number is not verified yet: nothing is sent to it until it is. Verify it under Contact methods.');
    expect(first.body.warnings).toEqual([{ path: 'contactMethodId', message: 'Heinrich has no Slack app connected, so this rule sends nothing until an admin connects one.' }]);
    const list = (await alice.call('GET', `/api/v1/users/${alice.id}/notification-rules`)).body.items;
    expect(list.map((r: { id: string }) => r.id)).toEqual([first.body.id, late.body.id]);

    expect((await alice.call('DELETE', `/api/v1/users/${alice.id}/contact-methods/${sms.id}`)).status).toBe(204);
    const after = (await alice.call('GET', `/api/v1/users/${alice.id}/notification-rules`)).body.items;
    expect(after.map((r: { id: string }) => r.id)).toEqual([first.body.id]);
    expect((await alice.call('DELETE', `/api/v1/users/${alice.id}/notification-rules/${first.body.id}`)).status).toBe(204);
    expect((await alice.call('DELETE', `/api/v1/users/${alice.id}/notification-rules/${first.body.id}`)).status).toBe(404);
  });

  it("refuses a rule on someone else's method, and bad delays", async () => {
    const bobs = (await bob.call('POST', `/api/v1/users/${bob.id}/contact-methods`, { type: 'log', value: 'bob' })).body;
    const res = await alice.call('POST', `/api/v1/users/${alice.id}/notification-rules`, { contactMethodId: bobs.id, delayMinutes: 0 });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('contactMethodId is not a contact method of Alice');
    const bad = await alice.call('POST', `/api/v1/users/${alice.id}/notification-rules`, { contactMethodId: bobs.id, delayMinutes: -1 });
    expect(bad.status).toBe(400);
    const foreign = await alice.call('POST', `/api/v1/users/${bob.id}/notification-rules`, { contactMethodId: bobs.id, delayMinutes: 0 });
    expect(foreign.status).toBe(403);
  });

  it('records every change in the audit log, with the caller as actor', async () => {
    const m = (await alice.call('POST', `/api/v1/users/${alice.id}/contact-methods`, { type: 'log', value: 'audited' })).body;
    const r = (await alice.call('POST', `/api/v1/users/${alice.id}/notification-rules`, { contactMethodId: m.id, delayMinutes: 5, urgency: 'low' })).body;
    expect(r.warnings).toEqual([]);
    await alice.call('DELETE', `/api/v1/users/${alice.id}/notification-rules/${r.id}`);
    await alice.call('DELETE', `/api/v1/users/${alice.id}/contact-methods/${m.id}`);
    const entries = await api.db.prisma.auditLogEntry.findMany({ where: { entityId: { in: [m.id, r.id] } }, orderBy: { createdAt: 'asc' } });
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ['contact_method.create', `user:${alice.id}`],
      ['notification_rule.create', `user:${alice.id}`],
      ['notification_rule.delete', `user:${alice.id}`],
      ['contact_method.delete', `user:${alice.id}`],
    ]);
  });
});
