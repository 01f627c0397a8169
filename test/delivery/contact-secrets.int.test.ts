// Contact values are the person's (docs/authorization.md "Contact values"): a
// webhook whose URL carries a secret path and token fails; a responder of
// another team reads the delivery log, the incident's timeline and explain and
// never sees the secret; the person, an admin and a lead of the team they are
// on call for see the value where it is theirs to see; what is stored (errors,
// timeline, audit log) holds no secret. Real api, worker, delivery, Postgres,
// Redis, and a fake webhook receiver on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInUser } from '../support/api-server';
import type { EscalationWorld } from '../escalation/escalation-world';
import { eventually } from '../worker/eventually';
import { startDeliveryWorld, type DeliveryWorld } from './delivery-world';

const SECRET_PATH = 'T0SECRETPATH/B0abc123xyz';
const SECRET_TOKEN = 'tok_live_9f8e7d6c5b4a39281706';

let dw: DeliveryWorld | undefined;
let world: EscalationWorld;
let owner: SignedInUser;
let teamLead: SignedInUser;
let outsider: SignedInUser;
let otherLead: SignedInUser;
let secretUrl: string;
let incident: { id: string; number: number };

beforeAll(async () => {
  dw = await startDeliveryWorld('test-contact-secrets', { DELIVERY_BACKOFF_MS: '100', DELIVERY_ATTEMPTS: '2', WEBHOOK_TIMEOUT_MS: '500', DELIVERY_SWEEP_INTERVAL_MS: '200' });
  world = dw.world;
  const other = (await world.api.admin('POST', '/api/v1/teams', { name: `other-${Date.now()}` })).body as { id: string };
  owner = await world.api.createUser({ name: 'Owen', teams: { [world.team.id]: 'responder' } });
  teamLead = await world.api.createUser({ name: 'Tess', teams: { [world.team.id]: 'lead' } });
  outsider = await world.api.createUser({ name: 'Otto', teams: { [other.id]: 'responder' } });
  otherLead = await world.api.createUser({ name: 'Olga', teams: { [other.id]: 'lead' } });

  secretUrl = `${dw.hook.url}/${SECRET_PATH}?token=${SECRET_TOKEN}`;
  const webhook = await owner.call('POST', `/api/v1/users/${owner.id}/contact-methods`, { type: 'webhook', value: secretUrl });
  expect(webhook.status, JSON.stringify(webhook.body)).toBe(201);
  const log = await owner.call('POST', `/api/v1/users/${owner.id}/contact-methods`, { type: 'log', value: 'owen-log' });
  expect((await owner.call('POST', `/api/v1/users/${owner.id}/notification-rules`, { contactMethodId: webhook.body.id, delayMinutes: 0 })).status).toBe(201);
  expect((await owner.call('POST', `/api/v1/users/${owner.id}/notification-rules`, { contactMethodId: log.body.id, delayMinutes: 5 })).status).toBe(201);

  dw.hook.script({ status: 404 });
  // the policy of the world's team names Owen: he is on call for that team
  const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: owner.id }] }]);
  incident = await world.trigger((await world.service({ policyId })).key);
  await eventually('the webhook failed and the log went out', async () => {
    const r = await world.api.db.pool.query(
      `SELECT 1 FROM deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.incident_id = $1 AND d.channel = 'log' AND d.status = 'sent'`,
      [incident.id],
    );
    return r.rowCount === 1;
  }, { timeoutMs: 20_000 });
}, 90_000);

afterAll(() => dw?.close());

const leaks = (body: unknown) => {
  const text = JSON.stringify(body);
  return [SECRET_PATH, SECRET_TOKEN, 'T0SECRETPATH'].filter((s) => text.includes(s));
};

describe('a failed webhook with a secret in its URL', () => {
  it('a responder of another team reads the delivery log, the timeline and explain: the method is named masked, the secret never appears', async () => {
    const notifications = await outsider.call('GET', `/api/v1/notifications?incidentId=${incident.id}`);
    expect(notifications.status).toBe(200);
    expect(leaks(notifications.body)).toEqual([]);
    const webhook = notifications.body.items[0].deliveries.find((d: { channel: string }) => d.channel === 'webhook');
    expect(webhook).toMatchObject({ status: 'failed', target: `webhook to ${new URL(dw!.hook.url).host}`, value: null, error: expect.stringContaining('answered 404') });

    const detail = await outsider.call('GET', `/api/v1/incidents/${incident.id}`);
    expect(detail.status).toBe(200);
    expect(leaks(detail.body)).toEqual([]);
    const failed = detail.body.timeline.find((e: { type: string }) => e.type === 'notification_failed');
    expect(failed.message).toMatch(/^webhook to Owen failed \(permanent failure: webhook to 127\.0\.0\.1:\d+ answered 404\); trying log now/);

    const explain = await outsider.call('GET', `/api/v1/incidents/${incident.id}/explain?userId=${owner.id}`);
    expect(explain.status).toBe(200);
    expect(leaks(explain.body)).toEqual([]);
    expect(explain.body.people[0].reasons.map((r: { code: string }) => r.code)).toContain('delivery_failed');

    // a lead of another team is no lead of Owen's: masked too, and his list is refused
    const otherLeads = await otherLead.call('GET', `/api/v1/notifications?incidentId=${incident.id}`);
    expect(leaks(otherLeads.body)).toEqual([]);
    expect((await outsider.call('GET', `/api/v1/users/${owner.id}/contact-methods`)).status).toBe(403);
    expect((await otherLead.call('GET', `/api/v1/users/${owner.id}/contact-methods`)).status).toBe(403);
  }, 30_000);

  it('the person, an admin and a lead of the team they are on call for see the value', async () => {
    for (const [who, call] of [
      ['owner', owner.call],
      ['admin', world.api.admin],
      ['lead of the team', teamLead.call],
    ] as const) {
      const res = await call('GET', `/api/v1/notifications?incidentId=${incident.id}`);
      expect(res.status, who).toBe(200);
      const webhook = res.body.items[0].deliveries.find((d: { channel: string }) => d.channel === 'webhook');
      expect(webhook.value, who).toBe(secretUrl);
      // errors are stored redacted, for them too: the value is its own field
      expect(webhook.error, who).not.toContain(SECRET_TOKEN);
      const list = await call('GET', `/api/v1/users/${owner.id}/contact-methods`);
      expect(list.status, who).toBe(200);
      expect(list.body.items.map((m: { value: string }) => m.value), who).toContain(secretUrl);
    }
  });

  it('stores no secret: delivery errors, timeline entries and the audit log', async () => {
    const stored = await world.api.db.pool.query(
      `SELECT d.error, d.history::text AS history FROM deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.incident_id = $1`,
      [incident.id],
    );
    const events = await world.api.db.pool.query(`SELECT message, data::text AS data FROM incident_events WHERE incident_id = $1`, [incident.id]);
    const audit = await world.api.db.pool.query(`SELECT after::text AS after FROM audit_log WHERE entity_type = 'contact_method'`);
    expect(leaks([stored.rows, events.rows, audit.rows])).toEqual([]);
    expect(audit.rows.map((r) => JSON.parse(r.after).value)).toContain(new URL(dw!.hook.url).host);
  });
});
