// A routing integration's own alert rules (docs/alert-rules.md "Rules on a
// routing integration"): run on each alert BEFORE its routes, so a rule can set
// a label the routes match, suppress, or pick the service itself; the target
// service's rules run after, one hop. Real HTTP, real Postgres.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';

const AM = '/api/v1/integrations/alertmanager';
const EVENTS = '/api/v1/integrations/events';

let api: TestApi;
let teamId: string;
let db: string;
let web: string;
let fallback: string;
let id: string;
let key: string;
const routes = () => [{ matchers: ['team!=""'], serviceFromLabel: 'team' }];
const rules = () => [
  { name: 'postgres pods are db', matchers: ['namespace=~"postgres-.*"'], actions: { labels: { team: 'db' }, annotations: { runbook_url: 'https://runbooks.example/{{ labels.alertname }}' } } },
  { name: 'test alerts page no one', matchers: ['env="test"'], actions: { suppress: true } },
  { name: 'frontend to web', matchers: ['app="frontend"'], actions: { routeToServiceId: web, urgency: 'low' as const } },
];

beforeAll(async () => {
  api = await startTestApi();
  teamId = (await api.admin('POST', '/api/v1/teams', { name: 'Platform' })).body.id;
  db = (await api.admin('POST', '/api/v1/services', { name: 'Database', routingName: 'db' })).body.id;
  web = (await api.admin('POST', '/api/v1/services', { name: 'Web', routingName: 'web' })).body.id;
  fallback = (await api.admin('POST', '/api/v1/services', { name: 'Unsorted' })).body.id;
  const created = await api.admin('POST', '/api/v1/routing-integrations', { name: 'prod', teamId, routes: routes(), catchAllServiceId: fallback });
  expect(created.status).toBe(201);
  id = created.body.id;
  key = created.body.key;
});
afterAll(async () => {
  await api?.close();
});

const alert = (fingerprint: string, labels: Record<string, string>) => ({
  status: 'firing', labels: { alertname: 'PodDown', ...labels }, annotations: { summary: 'down' }, startsAt: '2026-12-07T10:00:00Z', fingerprint,
});
const notification = (alerts: unknown[]) => ({ version: '4', groupKey: '{}:{}', status: 'firing', receiver: 'heinrich', groupLabels: {}, alerts });

describe('alert rules on a routing integration: the API', () => {
  it('starts empty; a PUT stores them in order with ids, audit-logged', async () => {
    expect((await api.admin('GET', `/api/v1/routing-integrations/${id}/alert-rules`)).body).toEqual({ routingIntegrationId: id, rules: [] });
    const put = await api.admin('PUT', `/api/v1/routing-integrations/${id}/alert-rules`, { rules: rules() });
    expect(put.status).toBe(200);
    expect(put.body.rules.map((r: { name: string }) => r.name)).toEqual(['postgres pods are db', 'test alerts page no one', 'frontend to web']);
    expect(put.body.rules.every((r: { id: string }) => /^[0-9a-f-]{36}$/.test(r.id))).toBe(true);
    expect((await api.admin('GET', `/api/v1/routing-integrations/${id}/alert-rules`)).body).toEqual(put.body);
    const audit = await api.admin('GET', `/api/v1/audit-log?entityType=routing_integration&entityId=${id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('routing_integration.alert_rules_update');
  });

  it('bad input is a 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ name: 'x', matchers: ['team=~"("'], actions: {} }, 'rules.0.matchers.0'],
      [{ name: 'x', matchers: ['te-am="x"'], actions: {} }, 'rules.0.matchers.0'],
      [{ name: 'x', actions: { routeToServiceId: '00000000-0000-4000-8000-000000000000' } }, 'rules.0.actions.routeToServiceId'],
      [{ name: 'x', time: { weekdays: ['monday'], startTime: '09:00', endTime: '18:00', timeZone: 'Mars/Olympus' }, actions: {} }, 'rules.0.time.timeZone'],
    ];
    for (const [rule, field] of cases) {
      const res = await api.admin('PUT', `/api/v1/routing-integrations/${id}/alert-rules`, { rules: [rule] });
      expect(res.status, field).toBe(400);
      expect(res.body.error.fields[0].path, JSON.stringify(res.body)).toBe(field);
    }
    expect((await api.admin('PUT', `/api/v1/routing-integrations/00000000-0000-4000-8000-000000000000/alert-rules`, { rules: [] })).status).toBe(404);
  });

  it('leads of the owning team and admins may write them; a lead of another team, a responder may not; everyone reads', async () => {
    const other = (await api.admin('POST', '/api/v1/teams', { name: 'Other' })).body.id;
    const lead = await api.createApiKey({ role: 'lead', teamId });
    const otherLead = await api.createApiKey({ role: 'lead', teamId: other });
    const responder = await api.createApiKey({ role: 'responder', teamId });
    const path = `/api/v1/routing-integrations/${id}/alert-rules`;
    const current = (await api.admin('GET', path)).body.rules;
    expect((await api.withKey(otherLead.secret)('PUT', path, { rules: current })).status).toBe(403);
    expect((await api.withKey(responder.secret)('PUT', path, { rules: current })).status).toBe(403);
    expect((await api.withKey(responder.secret)('GET', path)).status).toBe(200);
    expect((await api.withKey(lead.secret)('PUT', path, { rules: current })).status).toBe(200);
  });
});

describe('alert rules on a routing integration: at ingest, before the routes', () => {
  it('a label a rule sets is what the routes match; a suppression and a rule route carry into the target service', async () => {
    const res = await api.post(AM, notification([
      alert('r-db', { namespace: 'postgres-1' }),
      alert('r-test', { team: 'web', env: 'test' }),
      alert('r-front', { app: 'frontend' }),
      alert('r-none', {}),
    ]), key);
    expect(res.status).toBe(200);
    const rows = await api.db.pool.query<{ fingerprint: string; service_id: string; labels: Record<string, string>; annotations: Record<string, string>; alert_rules: unknown }>(
      `SELECT fingerprint, service_id, labels, annotations, alert_rules FROM alerts WHERE fingerprint LIKE 'r-%' ORDER BY fingerprint`,
    );
    const by = Object.fromEntries(rows.rows.map((r) => [r.fingerprint, r]));
    expect(by['r-db']!.service_id).toBe(db);
    expect(by['r-db']!.labels.team).toBe('db');
    expect(by['r-db']!.annotations.runbook_url).toBe('https://runbooks.example/PodDown');
    expect(JSON.stringify(by['r-db']!.alert_rules)).toContain('routing integration prod');
    expect(by['r-test']!.service_id).toBe(web);
    expect(by['r-front']!.service_id).toBe(web);
    expect(by['r-none']!.service_id).toBe(fallback);
    expect(by['r-none']!.alert_rules).toBeNull();

    const suppressed = await api.admin('GET', `/api/v1/incidents?serviceId=${web}&suppressed=true`);
    expect(suppressed.body.items.map((i: { suppressedBy: { name: string } }) => i.suppressedBy.name)).toEqual(['test alerts page no one']);
    const frontIncident = await api.db.pool.query<{ incident_id: string }>(`SELECT incident_id FROM alerts WHERE fingerprint = 'r-front'`);
    const explain = await api.admin('GET', `/api/v1/incidents/${frontIncident.rows[0]!.incident_id}/explain`);
    expect(explain.body.alertRules).toEqual(expect.arrayContaining([
      'routed to Web by rule "frontend to web" on routing integration prod',
      'urgency lowered to low by rule "frontend to web" on routing integration prod',
    ]));
  });

  it('Events API: the rules run on the trigger before the routes', async () => {
    const res = await api.post(EVENTS, { routing_key: key, event_action: 'trigger', dedup_key: 'ev-pg', payload: { summary: 'replication lag', source: 'pg-1', severity: 'warning', component: 'postgres', group: 'x' } });
    expect(res.status).toBe(202);
    // no rule matches (no namespace label on events): group=x names no service, so the catch-all takes it
    const r1 = await api.db.pool.query<{ service_id: string }>(`SELECT service_id FROM alerts WHERE fingerprint = 'ev-pg'`);
    expect(r1.rows[0]!.service_id).toBe(fallback);
    await api.admin('PUT', `/api/v1/routing-integrations/${id}/alert-rules`, { rules: [{ name: 'postgres component is db', matchers: ['component="postgres"'], actions: { labels: { group: 'db' } } }] });
    expect((await api.post(EVENTS, { routing_key: key, event_action: 'trigger', dedup_key: 'ev-pg-2', payload: { summary: 'replication lag', source: 'pg-1', severity: 'warning', component: 'postgres', group: 'x' } })).status).toBe(202);
    await api.admin('PUT', `/api/v1/routing-integrations/${id}`, { name: 'prod', teamId, routes: [{ matchers: ['group!=""'], serviceFromLabel: 'group' }], catchAllServiceId: fallback });
    expect((await api.post(EVENTS, { routing_key: key, event_action: 'trigger', dedup_key: 'ev-pg-3', payload: { summary: 'replication lag', source: 'pg-1', severity: 'warning', component: 'postgres', group: 'x' } })).status).toBe(202);
    const r3 = await api.db.pool.query<{ service_id: string; labels: Record<string, string> }>(`SELECT service_id, labels FROM alerts WHERE fingerprint = 'ev-pg-3'`);
    expect(r3.rows[0]!.service_id).toBe(db);
    expect(r3.rows[0]!.labels.group).toBe('db');
  });

  it('the preview runs draft rules before draft routes, and says what they do', async () => {
    const res = await api.admin('POST', '/api/v1/routing-integrations/preview', {
      name: 'prod',
      routes: routes(),
      catchAllServiceId: fallback,
      alertRules: rules(),
      payload: notification([alert('p-db', { namespace: 'postgres-2' }), alert('p-test', { team: 'web', env: 'test' }), alert('p-front', { app: 'frontend' }), alert('p-none', {})]),
    });
    expect(res.status).toBe(200);
    const items = Object.fromEntries(res.body.items.map((i: { fingerprint: string }) => [i.fingerprint, i]));
    expect(items['p-db']).toMatchObject({ outcome: 'routed', routeIndex: 0, serviceId: db, suppressed: false });
    expect(items['p-db'].alertRules).toContain('label team added: "db" by rule "postgres pods are db" on routing integration prod');
    expect(items['p-test']).toMatchObject({ outcome: 'routed', serviceId: web, suppressed: true, wouldPage: [] });
    expect(items['p-front']).toMatchObject({ outcome: 'routed', routeIndex: null, serviceId: web, urgency: 'low' });
    expect(items['p-front'].alertRules).toContain('routed to Web by rule "frontend to web" on routing integration prod');
    expect(items['p-none']).toMatchObject({ outcome: 'catch_all', serviceId: fallback, alertRules: [] });

    const bad = await api.admin('POST', '/api/v1/routing-integrations/preview', { routes: routes(), catchAllServiceId: null, alertRules: [{ name: 'x', matchers: ['a=~"["'], actions: {} }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('alertRules.0.matchers.0');
  });
});
