// An alert rule's routeToServiceId at ingest (docs/alert-rules.md, issue 21)
// through the real api, the in-process worker runtime, Postgres and Redis: an
// alert posted to Collector's own key that a route rule sends to Payments
// lands in Payments (its grouping, its escalation: Payments' on-call is paged,
// not Collector's); Payments' rules run on it, but its own route rule is not
// followed (one hop); the alert records both rule sets' changes and explain
// says "routed to Payments by rule … on Collector". A re-send is deduplicated
// where its first copy went, and its resolve resolves it there.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEscalationWorld, type EscalationWorld } from '../escalation/escalation-world';
import { eventually } from '../worker/eventually';

const AM = '/api/v1/integrations/alertmanager';
const EVENTS = '/api/v1/integrations/events';

let world: EscalationWorld;
beforeAll(async () => {
  world = await startEscalationWorld();
});
afterAll(async () => {
  await world?.close();
});

async function service(name: string, userId: string) {
  const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: userId }] }]);
  const created = await world.api.admin('POST', '/api/v1/services', { name, teamId: world.team.id, escalationPolicyId: policyId, urgency: 'high', groupBy: ['alertname'], noise: { storm: { enabled: false } } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const am = await world.api.admin('POST', `/api/v1/services/${created.body.id}/integration-keys`, { type: 'alertmanager' });
  const ev = await world.api.admin('POST', `/api/v1/services/${created.body.id}/integration-keys`, { type: 'events' });
  return { id: created.body.id as string, am: am.body.key as string, events: ev.body.key as string };
}

const notification = (status: 'firing' | 'resolved', alerts: { fingerprint: string; labels: Record<string, string> }[], startsAt: string) => ({
  receiver: 'heinrich', status, version: '4', groupKey: `{}:{x="${randomUUID()}"}`, groupLabels: {}, commonLabels: {}, commonAnnotations: {},
  externalURL: 'http://alertmanager.test', truncatedAlerts: 0,
  alerts: alerts.map((a) => ({ status, labels: { alertname: 'PaymentsDown', ...a.labels }, annotations: {}, startsAt, endsAt: status === 'firing' ? '0001-01-01T00:00:00Z' : startsAt, generatorURL: '', fingerprint: a.fingerprint })),
});

async function incidentsOf(serviceId: string) {
  const r = await world.api.db.pool.query<{ id: string; status: string }>(`SELECT id, status::text AS status FROM incidents WHERE service_id = $1 ORDER BY created_at`, [serviceId]);
  return r.rows;
}

describe('an alert rule that routes to another service', () => {
  it('lands the alert in the target, pages the target\'s on-call, runs the target\'s rules once, and explain says who routed it', async () => {
    const collector = await service(`Collector ${randomUUID().slice(0, 6)}`, world.people.alice.id);
    const payments = await service(`Payments ${randomUUID().slice(0, 6)}`, world.people.bob.id);
    const elsewhere = await service(`Elsewhere ${randomUUID().slice(0, 6)}`, world.people.carol.id);
    const putRules = (id: string, rules: unknown[]) => world.api.admin('PUT', `/api/v1/services/${id}/alert-rules`, { rules });
    // Payments' own route rule (to Elsewhere) must not be followed for what Collector routed: one hop
    expect((await putRules(payments.id, [
      { name: 'routed ones are low', matchers: ['routed_by="collector"'], actions: { urgency: 'low' } },
      { name: 'everything to elsewhere', actions: { routeToServiceId: elsewhere.id } },
    ])).status).toBe(200);
    const saved = await putRules(collector.id, [{ name: 'payments alerts', matchers: ['team="payments"'], actions: { routeToServiceId: payments.id, labels: { routed_by: 'collector' } } }]);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);

    const startsAt = world.clock.now().toISOString();
    const alerts = [{ fingerprint: `pay-${randomUUID().slice(0, 8)}`, labels: { team: 'payments' } }, { fingerprint: `col-${randomUUID().slice(0, 8)}`, labels: { team: 'collector' } }];
    const res = await world.api.post(AM, notification('firing', alerts, startsAt), collector.am);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ alertsReceived: 2, alertsNew: 2, incidentsOpened: 2 });

    const [paid] = await incidentsOf(payments.id);
    expect(paid, 'the routed alert opened an incident in Payments').toBeDefined();
    expect(await incidentsOf(elsewhere.id)).toEqual([]);
    const [own] = await incidentsOf(collector.id);
    expect(own).toBeDefined();
    const alertRows = await world.api.db.pool.query<{ service_id: string; labels: Record<string, string> }>(`SELECT service_id, labels FROM alerts WHERE fingerprint = $1`, [alerts[0]!.fingerprint]);
    expect(alertRows.rows).toEqual([{ service_id: payments.id, labels: { alertname: 'PaymentsDown', team: 'payments', routed_by: 'collector' } }]);

    // Payments' on-call (bob) is paged, low urgency by Payments' rule: no phone call; Collector's on-call gets its own alert only
    const pages = await eventually('bob to be paged', async () => {
      const p = await world.pages(paid!.id);
      return p.length > 0 ? p : undefined;
    });
    expect(pages).toEqual([expect.objectContaining({ userId: world.people.bob.id, allowVoice: false })]);
    const ownPages = await eventually('alice to be paged for the other alert', async () => {
      const p = await world.pages(own!.id);
      return p.length > 0 ? p : undefined;
    });
    expect(ownPages.map((p) => p.userId)).toEqual([world.people.alice.id]);

    const explain = await world.api.admin('GET', `/api/v1/incidents/${paid!.id}/explain`);
    const collectorName = (await world.api.admin('GET', `/api/v1/services/${collector.id}`)).body.name as string;
    const paymentsName = (await world.api.admin('GET', `/api/v1/services/${payments.id}`)).body.name as string;
    expect(explain.body.alertRules).toEqual([
      `label routed_by added: "collector" by rule "payments alerts" on ${collectorName}`,
      `routed to ${paymentsName} by rule "payments alerts" on ${collectorName}`,
      `urgency lowered to low by rule "routed ones are low" on ${paymentsName}`,
      `matched rule "everything to elsewhere" on ${paymentsName} (no change)`,
    ]);

    // Alertmanager's re-send is deduplicated in Payments; its resolve resolves the incident there
    const again = await world.api.post(AM, notification('firing', alerts, startsAt), collector.am);
    expect(again.body).toMatchObject({ alertsNew: 0, alertsDeduplicated: 2, incidentsOpened: 0 });
    const resolved = await world.api.post(AM, notification('resolved', alerts.slice(0, 1), startsAt), collector.am);
    expect(resolved.body).toMatchObject({ alertsResolved: 1, incidentsResolved: 1 });
    expect((await incidentsOf(payments.id)).map((i) => i.status)).toEqual(['resolved']);
  });

  it('Events API: a trigger the rule routes lands in the target; its acknowledge finds it there', async () => {
    const collector = await service(`Collector ${randomUUID().slice(0, 6)}`, world.people.alice.id);
    const payments = await service(`Payments ${randomUUID().slice(0, 6)}`, world.people.bob.id);
    expect((await world.api.admin('PUT', `/api/v1/services/${collector.id}/alert-rules`, { rules: [{ name: 'pay', matchers: ['source="pay-1"'], actions: { routeToServiceId: payments.id } }] })).status).toBe(200);
    const dedupKey = randomUUID();
    const t = await world.api.post(EVENTS, { routing_key: collector.events, event_action: 'trigger', dedup_key: dedupKey, payload: { summary: 'card declines', source: 'pay-1', severity: 'critical' } });
    expect(t.status, JSON.stringify(t.body)).toBe(202);
    expect((await incidentsOf(payments.id)).length).toBe(1);
    expect(await incidentsOf(collector.id)).toEqual([]);
    const ack = await world.api.post(EVENTS, { routing_key: collector.events, event_action: 'acknowledge', dedup_key: dedupKey });
    expect(ack.body.message, JSON.stringify(ack.body)).not.toMatch(/no open incident/i);
    expect((await incidentsOf(payments.id)).map((i) => i.status)).toEqual(['acknowledged']);
  });
});
