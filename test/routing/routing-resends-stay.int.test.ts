// A routing integration's re-sends stay where their first copy went
// (docs/routing.md "Re-sends stay where they went"): when the integration's rules
// read the clock, or it was edited while an alert fired, routing would now pick
// another service for a re-send. The re-send is deduplicated where its first copy
// is held and its resolve resolves it there: no second page elsewhere, no incident
// left open. New occurrences follow the routing of now. Real HTTP, real Postgres.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';

const AM = '/api/v1/integrations/alertmanager';
const EVENTS = '/api/v1/integrations/events';
const EVERY_DAY = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

let api: TestApi;
// moves forward only: the edit test on the real clock first, then the boundaries of later evenings
let clock = new Date();
let teamId: string;
let web: string;
let db: string;
let unsorted: string;
let round = 0;

/** Web and Database (routingName web-N, db-N) of one test: each test's alerts meet no other test's groups or flap state */
async function createServices() {
  round += 1;
  web = (await api.admin('POST', '/api/v1/services', { name: `Web ${round}`, routingName: `web-${round}` })).body.id;
  db = (await api.admin('POST', '/api/v1/services', { name: `Database ${round}`, routingName: `db-${round}` })).body.id;
  return { webName: `web-${round}`, dbName: `db-${round}` };
}

beforeAll(async () => {
  api = await startTestApi({ now: () => clock });
  teamId = (await api.admin('POST', '/api/v1/teams', { name: 'Platform' })).body.id;
  unsorted = (await api.admin('POST', '/api/v1/services', { name: 'Unsorted' })).body.id;
});
afterAll(async () => {
  await api?.close();
});

const alert = (fingerprint: string, status: 'firing' | 'resolved', startsAt: string, labels: Record<string, string> = {}) => ({
  status, labels: { alertname: 'PodDown', ...labels }, annotations: { summary: 'down' }, startsAt,
  endsAt: status === 'resolved' ? clock.toISOString() : '0001-01-01T00:00:00Z', fingerprint,
});
const notification = (alerts: unknown[]) => ({ version: '4', groupKey: '{}:{}', status: 'firing', receiver: 'heinrich', groupLabels: {}, alerts });

/** the incidents of a service holding an alert of this fingerprint: their statuses */
async function incidentsOf(serviceId: string, fingerprint: string): Promise<string[]> {
  const r = await api.db.pool.query<{ status: string }>(
    `SELECT DISTINCT i.id, i.status FROM incidents i JOIN alerts a ON a.incident_id = i.id WHERE a.service_id = $1 AND a.fingerprint = $2`,
    [serviceId, fingerprint],
  );
  return r.rows.map((x) => x.status);
}

/** rules that send the day shift (09:00–18:00 UTC) to Web and the rest to Database, by the label the route reads */
const shifts = (names: { webName: string; dbName: string }) => [
  { name: 'day shift is web', time: { weekdays: EVERY_DAY, startTime: '09:00', endTime: '18:00', timeZone: 'UTC' }, actions: { labels: { team: names.webName } } },
  { name: 'nights are db', time: { weekdays: EVERY_DAY, startTime: '09:00', endTime: '18:00', timeZone: 'UTC', outside: true }, actions: { labels: { team: names.dbName } } },
];

async function createIntegration(name: string, routes: unknown[], rules: unknown[] = []) {
  const created = await api.admin('POST', '/api/v1/routing-integrations', { name, teamId, routes, catchAllServiceId: unsorted });
  expect(created.status).toBe(201);
  if (rules.length > 0) expect((await api.admin('PUT', `/api/v1/routing-integrations/${created.body.id}/alert-rules`, { rules })).status).toBe(200);
  return { id: created.body.id as string, key: created.body.key as string };
}

describe('re-sends of a routing integration stay where their first copy went', () => {
  it('across an edit of the routes: an alert that fired before stays in Web until it resolves; one that starts after goes to Database', async () => {
    clock = new Date();
    await createServices();
    const startedBefore = new Date(Date.now() - 60_000).toISOString();
    const { id, key } = await createIntegration('edited', [{ matchers: ['app="shop"'], serviceId: web }]);
    expect((await api.post(AM, notification([alert('edit-1', 'firing', startedBefore, { app: 'shop' })]), key)).status).toBe(200);
    expect(await incidentsOf(web, 'edit-1')).toEqual(['triggered']);

    const put = await api.admin('PUT', `/api/v1/routing-integrations/${id}`, { name: 'edited', routes: [{ matchers: ['app="shop"'], serviceId: db }], catchAllServiceId: unsorted });
    expect(put.status).toBe(200);
    expect((await api.post(AM, notification([alert('edit-1', 'firing', startedBefore, { app: 'shop' })]), key)).status).toBe(200);
    expect(await incidentsOf(db, 'edit-1')).toEqual([]);
    const resolved = await api.post(AM, notification([alert('edit-1', 'resolved', startedBefore, { app: 'shop' })]), key);
    expect(resolved.status).toBe(200);
    expect(await incidentsOf(web, 'edit-1')).toEqual(['resolved']);

    await new Promise((r) => setTimeout(r, 20));
    const startedAfter = new Date().toISOString();
    expect((await api.post(AM, notification([alert('edit-2', 'firing', startedAfter, { app: 'shop' })]), key)).status).toBe(200);
    expect(await incidentsOf(db, 'edit-2')).toEqual(['triggered']);
    expect(await incidentsOf(web, 'edit-2')).toEqual([]);
  });

  it('across a time condition’s boundary: the re-send is deduplicated in Web and its resolve resolves it there; a new alert goes to Database', async () => {
    clock = new Date('2026-12-08T17:55:00Z');
    const { key } = await createIntegration('by the clock', [{ matchers: ['team!=""'], serviceFromLabel: 'team' }], shifts(await createServices()));
    expect((await api.post(AM, notification([alert('clock-1', 'firing', '2026-12-08T17:50:00Z')]), key)).status).toBe(200);
    expect(await incidentsOf(web, 'clock-1')).toEqual(['triggered']);

    clock = new Date('2026-12-08T18:05:00Z'); // the night rule now: routing alone would send it to Database
    const resend = await api.post(AM, notification([alert('clock-1', 'firing', '2026-12-08T17:50:00Z')]), key);
    expect(resend.status).toBe(200);
    expect(resend.body).toMatchObject({ alertsNew: 0, routing: { services: [{ serviceId: web, alerts: 1 }] } });
    expect(await incidentsOf(db, 'clock-1')).toEqual([]);
    const stored = await api.db.pool.query<{ service_id: string; dedup_count: number }>(`SELECT service_id, dedup_count FROM alerts WHERE fingerprint = 'clock-1'`);
    expect(stored.rows).toEqual([{ service_id: web, dedup_count: 1 }]);

    clock = new Date('2026-12-08T18:10:00Z');
    expect((await api.post(AM, notification([alert('clock-1', 'resolved', '2026-12-08T17:50:00Z')]), key)).status).toBe(200);
    expect(await incidentsOf(web, 'clock-1')).toEqual(['resolved']);
    expect(await incidentsOf(db, 'clock-1')).toEqual([]);

    // a new occurrence follows the routing of now
    expect((await api.post(AM, notification([alert('clock-2', 'firing', '2026-12-08T18:08:00Z')]), key)).status).toBe(200);
    expect(await incidentsOf(db, 'clock-2')).toEqual(['triggered']);
  });

  it('Events API: a trigger re-sent after the boundary joins its open incident in Web; a resolve resolves it', async () => {
    clock = new Date('2026-12-09T17:58:00Z');
    const { key } = await createIntegration('events by the clock', [{ matchers: ['team!=""'], serviceFromLabel: 'team' }], shifts(await createServices()));
    const trigger = { routing_key: key, event_action: 'trigger', dedup_key: 'ev-clock', payload: { summary: 'Queue stuck', source: 'mq-1', severity: 'critical' } };
    expect((await api.post(EVENTS, trigger)).status).toBe(202);
    clock = new Date('2026-12-09T18:03:00Z');
    expect((await api.post(EVENTS, trigger)).status).toBe(202);
    expect(await incidentsOf(web, 'ev-clock')).toEqual(['triggered']);
    expect(await incidentsOf(db, 'ev-clock')).toEqual([]);
    expect((await api.post(EVENTS, { routing_key: key, event_action: 'resolve', dedup_key: 'ev-clock' })).status).toBe(202);
    expect(await incidentsOf(web, 'ev-clock')).toEqual(['resolved']);
  });
});
