// Routing integrations through real HTTP (docs/routing.md): one key, ordered routes,
// dynamic routing by routingName, a catch-all or drop-and-record, the 400s, and
// the unrouted list. Each routed alert lands in its own service's grouping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { incidentsOf } from '../support/incident-state';

const AM = '/api/v1/integrations/alertmanager';
const EVENTS = '/api/v1/integrations/events';

let api: TestApi;
const svc: Record<'db' | 'web' | 'catchall' | 'batch', string> = { db: '', web: '', catchall: '', batch: '' };
beforeAll(async () => {
  api = await startTestApi();
  for (const [name, routingName] of [['db', 'db'], ['web', 'web'], ['catchall', null], ['batch', null]] as const) {
    const res = await api.admin('POST', '/api/v1/services', { name, routingName });
    expect(res.status).toBe(201);
    svc[name] = res.body.id;
  }
});
afterAll(async () => {
  await api?.close();
});

function alert(fingerprint: string, labels: Record<string, string>) {
  return { status: 'firing', labels: { alertname: 'Down', ...labels }, annotations: { summary: `down ${fingerprint}` }, startsAt: '2026-12-07T10:00:00Z', fingerprint };
}
function notification(alerts: ReturnType<typeof alert>[]) {
  return { version: '4', groupKey: '{}:{alertname="Down"}', status: 'firing', receiver: 'heinrich', groupLabels: { alertname: 'Down' }, alerts };
}

describe('services get a routingName', () => {
  it('shown on the service; a duplicate or a bad slug is a 400 naming routingName', async () => {
    expect((await api.admin('GET', `/api/v1/services/${svc.db}`)).body.routingName).toBe('db');
    const dup = await api.admin('POST', '/api/v1/services', { name: 'db2', routingName: 'db' });
    expect(dup.status).toBe(400);
    expect(dup.body.error.fields).toEqual([{ path: 'routingName', message: '"db" is taken by another service' }]);
    const bad = await api.admin('PATCH', `/api/v1/services/${svc.batch}`, { routingName: 'Not A Slug' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('routingName');
  });
});

describe('a routing integration', () => {
  let id: string;
  let key: string;

  it('is created with ordered routes and a catch-all; the key is shown once', async () => {
    const res = await api.admin('POST', '/api/v1/routing-integrations', {
      name: 'prod alertmanager',
      routes: [
        { matchers: ['namespace=~"batch-.*"'], serviceId: svc.batch },
        { matchers: ['team!=""'], serviceFromLabel: 'team' },
      ],
      catchAllServiceId: svc.catchall,
    });
    expect(res.status).toBe(201);
    expect(res.body.key).toMatch(/^hr_/);
    id = res.body.id;
    key = res.body.key;
    const got = await api.admin('GET', `/api/v1/routing-integrations/${id}`);
    expect(got.body).not.toHaveProperty('key');
    expect(got.body.routes).toEqual([
      { matchers: ['namespace=~"batch-.*"'], serviceId: svc.batch },
      { matchers: ['team!=""'], serviceFromLabel: 'team' },
    ]);
  });

  it('splits one notification across services: first match wins, team=… finds the service by routingName, the rest goes to the catch-all', async () => {
    const res = await api.post(
      AM,
      notification([
        alert('f-db', { team: 'db' }),
        alert('f-web', { team: 'web' }),
        alert('f-none', {}),
        alert('f-unknown', { team: 'payments' }),
        // route 1 comes first: batch, though it also has team=db
        alert('f-batch', { team: 'db', namespace: 'batch-nightly' }),
      ]),
      key,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ alertsReceived: 5, alertsNew: 5, incidentsOpened: 4, routing: { catchAll: 2, dropped: 0 } });
    expect(await incidentsOf(api.db, svc.db)).toMatchObject([{ firing: 1, events: ['opened'] }]);
    expect(await incidentsOf(api.db, svc.web)).toMatchObject([{ firing: 1 }]);
    expect(await incidentsOf(api.db, svc.batch)).toMatchObject([{ firing: 1 }]);
    // both catch-all alerts share the group key: one incident with two alerts
    expect(await incidentsOf(api.db, svc.catchall)).toMatchObject([{ firing: 2 }]);
  });

  it('dedups as the service key would: the same notification again is deduplicated', async () => {
    const res = await api.post(AM, notification([alert('f-db', { team: 'db' }), alert('f-web', { team: 'web' })]), key);
    expect(res.body).toMatchObject({ alertsNew: 0, alertsDeduplicated: 2, incidentsOpened: 0 });
  });

  it('lists what went to the catch-all, with the reason, and the alert carries it', async () => {
    const res = await api.admin('GET', `/api/v1/routing-integrations/${id}/unrouted`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((u: { fingerprint: string; outcome: string; reason: string; serviceId: string }) => [u.fingerprint, u.outcome, u.reason, u.serviceId]).sort()).toEqual([
      ['f-none', 'catch_all', 'no route matched', svc.catchall],
      ['f-unknown', 'catch_all', 'route 2: no service has routingName "payments" (label team)', svc.catchall],
    ]);
    const stored = await api.db.pool.query<{ annotations: Record<string, string> }>(`SELECT annotations FROM alerts WHERE fingerprint = 'f-unknown'`);
    expect(stored.rows[0]!.annotations.heinrich_routing).toBe('route 2: no service has routingName "payments" (label team)');
  });

  it('without a catch-all service, what no route takes is dropped, recorded and counted', async () => {
    const put = await api.admin('PUT', `/api/v1/routing-integrations/${id}`, {
      name: 'prod alertmanager',
      routes: [{ matchers: ['team!=""'], serviceFromLabel: 'team' }],
      catchAllServiceId: null,
    });
    expect(put.status).toBe(200);
    const res = await api.post(AM, notification([alert('f-drop', { severity: 'info' })]), key);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ alertsReceived: 1, alertsNew: 0, routing: { dropped: 1, catchAll: 0, services: [] } });
    const listed = await api.admin('GET', `/api/v1/routing-integrations/${id}/unrouted?limit=1`);
    expect(listed.body.items).toMatchObject([{ fingerprint: 'f-drop', outcome: 'dropped', serviceId: null, reason: 'no route matched', labels: { severity: 'info' } }]);
    const metrics = await api.request('GET', '/metrics');
    expect(String(metrics.body)).toMatch(/heinrich_routing_unrouted_alerts_total\{source="alertmanager",outcome="dropped"\} 1/);
  });

  it('the events endpoint takes the same key: a trigger is routed on its payload, a resolve finds its incident', async () => {
    await api.admin('PUT', `/api/v1/routing-integrations/${id}`, {
      name: 'prod alertmanager',
      routes: [{ matchers: ['source="db-1"'], serviceId: svc.db }],
      catchAllServiceId: svc.catchall,
    });
    const trig = await api.post(EVENTS, { routing_key: key, event_action: 'trigger', dedup_key: 'disk-db-1', payload: { summary: 'Disk full', source: 'db-1', severity: 'critical' } });
    expect(trig.status).toBe(202);
    expect(trig.body.message).toBe('Event processed: incident triggered');
    expect((await incidentsOf(api.db, svc.db)).map((i) => i.title)).toContain('Disk full');
    const resolve = await api.post(EVENTS, { routing_key: key, event_action: 'resolve', dedup_key: 'disk-db-1' });
    expect(resolve.body.message).toBe('Event processed: alert resolved');
  });

  it('bad input is a 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [[{ matchers: ['team'], serviceId: svc.db }], 'routes.0.matchers.0'],
      [[{ matchers: ['a="1"', 'team=~"("'], serviceId: svc.db }], 'routes.0.matchers.1'],
      [[{ matchers: [], serviceId: '00000000-0000-4000-8000-000000000000' }], 'routes.0.serviceId'],
      [[{ matchers: [] }], 'routes.0.serviceId'],
      [[{ matchers: [], serviceFromLabel: 'te-am' }], 'routes.0.serviceFromLabel'],
    ];
    for (const [routes, field] of cases) {
      const res = await api.admin('POST', '/api/v1/routing-integrations', { name: 'bad', routes, catchAllServiceId: null });
      expect(res.status, field).toBe(400);
      expect(res.body.error.fields[0].path).toBe(field);
    }
    const missingCatchAll = await api.admin('POST', '/api/v1/routing-integrations', { name: 'bad', routes: [], catchAllServiceId: '00000000-0000-4000-8000-000000000000' });
    expect(missingCatchAll.body.error.fields[0].path).toBe('catchAllServiceId');
  });

  it('is audit-logged and only admins (or leads of its team) manage it', async () => {
    const audit = await api.admin('GET', '/api/v1/audit-log?entityType=routing_integration');
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['routing_integration.create', 'routing_integration.update']));
    const responder = await api.createApiKey({ role: 'responder' });
    const res = await api.withKey(responder.secret)('POST', '/api/v1/routing-integrations', { name: 'x', routes: [], catchAllServiceId: null });
    expect(res.status).toBe(403);
  });

  it('deleted, its key stops working', async () => {
    expect((await api.admin('DELETE', `/api/v1/routing-integrations/${id}`)).status).toBe(204);
    expect((await api.post(AM, notification([alert('f-late', {})]), key)).status).toBe(401);
  });
});
