// Alert rules per service (docs/alert-rules.md, issue 21) through the real
// api, the in-process worker runtime, Postgres and Redis, on the test clock
// (Monday 2026-03-16 10:00Z = 11:00 in Berlin): a rule lowering
// severity=warning to low urgency pages without a voice call and explain
// names the rule; a suppress rule stores the incident and pages no one; a
// support-hours rule decides by the zone's wall clock across its boundary.
// Bad input is a 400 naming the field; only leads of the team and admins write.
import { randomUUID } from 'node:crypto';
import { alertRulesJson } from '@heinrich/contracts/alert-rules';
import { explainIncidentResponse, incidentDetailJson } from '@heinrich/contracts/incidents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEscalationWorld, type EscalationWorld } from '../escalation/escalation-world';
import { eventually } from '../worker/eventually';

const AM = '/api/v1/integrations/alertmanager';

let world: EscalationWorld;
beforeAll(async () => {
  world = await startEscalationWorld();
});
afterAll(async () => {
  await world?.close();
});

async function alertmanagerService(): Promise<{ id: string; secret: string }> {
  const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: world.people.alice.id }] }]);
  const svc = await world.service({ policyId, urgency: 'high', noise: { storm: { enabled: false } } });
  const key = await world.api.admin('POST', `/api/v1/services/${svc.id}/integration-keys`, { type: 'alertmanager' });
  expect(key.status).toBe(201);
  return { id: svc.id, secret: key.body.key as string };
}

/** Fires one alert of its own group; the incident once the worker has decided about it. */
async function fire(secret: string, alertname: string, labels: Record<string, string>, annotations: Record<string, string> = {}) {
  const all = { alertname, ...labels };
  const r = await world.api.post(
    AM,
    {
      receiver: 'heinrich',
      status: 'firing',
      alerts: [{ status: 'firing', labels: all, annotations, startsAt: world.clock.now().toISOString(), endsAt: '0001-01-01T00:00:00Z', generatorURL: '', fingerprint: randomUUID().slice(0, 16) }],
      groupLabels: { alertname },
      commonLabels: all,
      commonAnnotations: {},
      externalURL: 'http://alertmanager.test',
      version: '4',
      groupKey: `{}:{alertname="${alertname}-${randomUUID()}"}`,
      truncatedAlerts: 0,
    },
    secret,
  );
  expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
  const id = (r.body.incidents as { id: string }[])[0]!.id;
  await eventually(`the worker to handle ${alertname}`, async () => {
    const e = await world.api.db.pool.query(`SELECT 1 FROM incident_events WHERE incident_id = $1 AND type = 'dispatched'`, [id]);
    return (e.rowCount ?? 0) > 0;
  });
  return id;
}

const put = (serviceId: string, rules: unknown[]) => world.api.admin('PUT', `/api/v1/services/${serviceId}/alert-rules`, { rules });

describe('a rule lowering severity=warning to low urgency', () => {
  it('pages the first step without a voice call, and explain names the rule', async () => {
    const svc = await alertmanagerService();
    const saved = await put(svc.id, [{ name: 'warnings are low', matchers: ['severity="warning"'], actions: { urgency: 'low', annotations: { runbook_url: 'https://runbooks.example/{{ labels.alertname }}' } } }]);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(alertRulesJson.safeParse(saved.body).error?.issues ?? []).toEqual([]);
    expect(saved.body.rules[0].id).toMatch(/^[0-9a-f-]{36}$/);
    const audit = await world.api.db.pool.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'service.alert_rules_update'`, [svc.id]);
    expect(audit.rowCount).toBe(1);
    expect((await world.api.admin('GET', `/api/v1/services/${svc.id}/alert-rules`)).body).toEqual(saved.body);

    const low = await fire(svc.secret, 'QueueSlow', { severity: 'warning' });
    const pages = await eventually('alice to be paged', async () => {
      const p = await world.pages(low);
      return p.length > 0 ? p : undefined;
    });
    // paged, but never by phone: low urgency
    expect(pages).toEqual([expect.objectContaining({ userId: world.people.alice.id, allowVoice: false })]);
    const started = await world.timeline(low, ['escalation_started']);
    expect(started[0]!.message).toContain('low urgency, urgency lowered to low by rule "warnings are low" on svc-');
    const explain = await world.api.admin('GET', `/api/v1/incidents/${low}/explain`);
    expect(explainIncidentResponse.safeParse(explain.body).error?.issues ?? []).toEqual([]);
    expect(explain.body.alertRules).toEqual([
      expect.stringMatching(/^urgency lowered to low by rule "warnings are low" on svc-/),
      expect.stringMatching(/^annotation runbook_url added: "https:\/\/runbooks.example\/QueueSlow" by rule "warnings are low"/),
    ]);
    // the alert is stored as the rules left it
    const detail = await world.api.admin('GET', `/api/v1/incidents/${low}`);
    expect(detail.body.alerts[0].annotations).toMatchObject({ runbook_url: 'https://runbooks.example/QueueSlow' });

    // a critical alert matches no rule: high urgency, voice allowed
    const high = await fire(svc.secret, 'QueueDown', { severity: 'critical' });
    const highPages = await eventually('alice to be paged again', async () => {
      const p = await world.pages(high);
      return p.length > 0 ? p : undefined;
    });
    expect(highPages[0]!.allowVoice).toBe(true);
    expect((await world.api.admin('GET', `/api/v1/incidents/${high}/explain`)).body.alertRules).toEqual([]);
  });
});

describe('a suppress rule', () => {
  it('stores the incident marked suppressed and pages no one', async () => {
    const svc = await alertmanagerService();
    expect((await put(svc.id, [{ name: 'batch is noise', matchers: ['namespace=~"batch-.*"'], actions: { suppress: true } }])).status).toBe(200);
    const id = await fire(svc.secret, 'JobFailed', { namespace: 'batch-7', severity: 'critical' });
    expect(await world.pages(id)).toEqual([]);
    expect((await world.timeline(id, ['alert_suppressed', 'escalation_started', 'escalation_not_started'])).map((e) => [e.type, e.message])).toEqual([
      ['alert_suppressed', expect.stringMatching(/^Suppressed by rule "batch is noise" on svc-.*: stored, pages no one$/)],
    ]);
    const one = await world.api.admin('GET', `/api/v1/incidents/${id}`);
    expect(incidentDetailJson.safeParse(one.body).error?.issues ?? []).toEqual([]);
    expect(one.body.suppressedBy).toMatchObject({ name: 'batch is noise' });
    // queryable as near misses
    const near = await world.api.admin('GET', `/api/v1/incidents?serviceId=${svc.id}&suppressed=true`);
    expect(near.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    const slack = await world.api.db.pool.query(`SELECT 1 FROM slack_messages WHERE incident_id = $1`, [id]);
    expect(slack.rowCount).toBe(0);
    // an alert outside the matchers pages as usual
    const other = await fire(svc.secret, 'JobFailed', { namespace: 'web', severity: 'critical' });
    expect(await eventually('a page', async () => ((await world.pages(other)).length > 0 ? true : undefined))).toBe(true);
    expect((await world.api.admin('GET', `/api/v1/incidents/${other}`)).body.suppressedBy).toBeNull();
  });
});

describe('a support-hours rule (Mon-Fri 09:00-18:00 Europe/Berlin: outside is low)', () => {
  it('decides by the wall clock in Berlin across 18:00', async () => {
    const svc = await alertmanagerService();
    const saved = await put(svc.id, [
      {
        name: 'outside support hours is low',
        time: { weekdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime: '09:00', endTime: '18:00', timeZone: 'Europe/Berlin', outside: true },
        actions: { urgency: 'low' },
      },
    ]);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const allowVoice = async (name: string) => {
      const id = await fire(svc.secret, name, { severity: 'critical' });
      const p = await eventually(`a page for ${name}`, async () => ((await world.pages(id)).length > 0 ? world.pages(id) : undefined));
      return p[0]!.allowVoice;
    };
    // 2026-03-16 is CET (UTC+1): 16:59Z is 17:59 in Berlin (inside), 17:00Z is 18:00 (outside)
    const now = world.clock.now().getTime();
    world.clock.advanceMinutes((Date.parse('2026-03-16T16:59:00Z') - now) / 60_000);
    expect(await allowVoice('BeforeSix')).toBe(true);
    world.clock.advanceMinutes(1); // 17:00Z = 18:00 Berlin: outside
    expect(await allowVoice('AtSix')).toBe(false);
  });
});

describe('bad input', () => {
  it('is a 400 naming the field', async () => {
    const svc = await alertmanagerService();
    const other = await alertmanagerService();
    const cases: [unknown, string][] = [
      [{ name: 'x', matchers: ['severity'], actions: { urgency: 'low' } }, 'rules.0.matchers.0'],
      [{ name: 'x', matchers: ['team=~"(db"'], actions: { urgency: 'low' } }, 'rules.0.matchers.0'],
      [{ name: 'x', time: { weekdays: ['monday'], startTime: '09:00', endTime: '18:00', timeZone: 'Mars/Base' }, actions: { urgency: 'low' } }, 'rules.0.time.timeZone'],
      [{ name: 'x', time: { weekdays: ['monday'], startTime: '25:00', endTime: '18:00', timeZone: 'UTC' }, actions: { urgency: 'low' } }, 'rules.0.time.startTime'],
      [{ name: 'x', actions: { routeToServiceId: randomUUID() } }, 'rules.0.actions.routeToServiceId'],
      [{ name: 'x', actions: { urgency: 'medium' } }, 'rules.0.actions.urgency'],
    ];
    for (const [rule, field] of cases) {
      const r = await put(svc.id, [rule]);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(JSON.stringify(r.body)).toContain(field);
    }
    // a loop: svc routes to other, then other to svc
    expect((await put(svc.id, [{ name: 'to other', actions: { routeToServiceId: other.id } }])).status).toBe(200);
    const loop = await put(other.id, [{ name: 'back', actions: { routeToServiceId: svc.id } }]);
    expect(loop.status).toBe(400);
    expect(JSON.stringify(loop.body)).toContain('rules.0.actions.routeToServiceId');
    expect(JSON.stringify(loop.body)).toContain('loop');
  });

  it('only leads of the team and admins may write; others read', async () => {
    const svc = await alertmanagerService();
    const responder = await world.api.createUser({ teams: { [world.team.id]: 'responder' } });
    const lead = await world.api.createUser({ teams: { [world.team.id]: 'lead' } });
    const body = { rules: [{ name: 'r', actions: { suppress: true } }] };
    expect((await world.api.withCookie(responder.cookie)('PUT', `/api/v1/services/${svc.id}/alert-rules`, body)).status).toBe(403);
    expect((await world.api.withCookie(responder.cookie)('GET', `/api/v1/services/${svc.id}/alert-rules`)).status).toBe(200);
    expect((await world.api.withCookie(lead.cookie)('PUT', `/api/v1/services/${svc.id}/alert-rules`, body)).status).toBe(200);
  });
});
