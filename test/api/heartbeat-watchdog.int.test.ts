// The Alertmanager Watchdog on a key naming a heartbeat, through real HTTP and
// Postgres, with a clock the test moves: a firing Watchdog is a ping (never an
// alert, never an incident), its other alerts are ingested as usual, a
// Watchdog sent as resolved is a miss at once (the heartbeat's incident
// opens), the next firing one resolves it; the API warns when the heartbeat's
// interval is too short for the key's Watchdog route.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';

const AM = '/api/v1/integrations/alertmanager';
let api: TestApi;
let clock = new Date('2026-12-07T12:00:00.000Z');
const advance = (s: number) => (clock = new Date(clock.getTime() + s * 1000));
let teamId: string;
let serviceId: string;

beforeAll(async () => {
  api = await startTestApi({ now: () => clock });
  teamId = (await api.admin('POST', '/api/v1/teams', { name: `wd-team-${randomUUID()}` })).body.id;
  serviceId = (await api.admin('POST', '/api/v1/services', { name: 'prometheus', teamId, noise: { storm: { enabled: false } } })).body.id;
});
afterAll(async () => {
  await api?.close();
});

const heartbeat = async (name: string, intervalSeconds: number) => {
  const res = await api.admin('POST', '/api/v1/heartbeats', { serviceId, name, intervalSeconds });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; token: string };
};
const watchdogKey = async (heartbeatId: string, extra: Record<string, unknown> = {}) => {
  const res = await api.admin('POST', `/api/v1/services/${serviceId}/integration-keys`, { type: 'alertmanager', heartbeat: { id: heartbeatId, ...extra } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { key: string; heartbeat: unknown; warnings: { path: string; message: string }[] };
};

const WATCHDOG_STARTS = '2026-12-07T11:00:00.000Z';
function notification(alerts: { alertname: string; status: 'firing' | 'resolved'; fingerprint: string }[]) {
  return {
    version: '4',
    groupKey: '{}/{alertname="Watchdog"}:{}',
    truncatedAlerts: 0,
    status: alerts.some((a) => a.status === 'firing') ? 'firing' : 'resolved',
    receiver: 'heinrich-watchdog',
    groupLabels: {},
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'http://alertmanager.example:9093',
    alerts: alerts.map((a) => ({
      status: a.status,
      labels: { alertname: a.alertname, severity: a.alertname === 'Watchdog' ? 'none' : 'critical' },
      annotations: { summary: a.alertname },
      startsAt: WATCHDOG_STARTS,
      endsAt: a.status === 'resolved' ? clock.toISOString() : '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus.example:9090/graph',
      fingerprint: a.fingerprint,
    })),
  };
}
const watchdog = (status: 'firing' | 'resolved') => notification([{ alertname: 'Watchdog', status, fingerprint: 'aaaaaaaaaaaaaaaa' }]);
const get = async (id: string) => (await api.admin('GET', `/api/v1/heartbeats/${id}`)).body;
const heartbeatIncidents = (name: string) =>
  api.db.prisma.incident.findMany({ where: { serviceId, title: { startsWith: `Heartbeat '${name}'` } }, orderBy: { number: 'asc' }, select: { id: true, status: true } });
const watchdogAlertRows = () => api.db.pool.query(`SELECT 1 FROM alerts WHERE fingerprint = 'aaaaaaaaaaaaaaaa'`).then((r) => r.rowCount);

describe('an Alertmanager key naming a heartbeat', () => {
  it('shows the heartbeat on the key; refuses one of another service, an unknown one, and on an events key', async () => {
    const hb = await heartbeat('shown', 600);
    const key = await watchdogKey(hb.id);
    expect(key.heartbeat).toEqual({ id: hb.id, alertname: 'Watchdog', repeatIntervalSeconds: 60, groupIntervalSeconds: 60 });
    expect(key.warnings).toEqual([]);
    const list = await api.admin('GET', `/api/v1/services/${serviceId}/integration-keys`);
    expect(list.body.items.filter((k: { heartbeat: unknown }) => k.heartbeat !== null)).toContainEqual(expect.objectContaining({ heartbeat: key.heartbeat }));

    const other = (await api.admin('POST', '/api/v1/services', { name: `other-${randomUUID().slice(0, 6)}`, teamId })).body.id as string;
    const foreign = await api.admin('POST', `/api/v1/services/${other}/integration-keys`, { type: 'alertmanager', heartbeat: { id: hb.id } });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields).toEqual([{ path: 'heartbeat.id', message: expect.stringContaining('must be a heartbeat of service') }]);
    expect((await api.admin('POST', `/api/v1/services/${serviceId}/integration-keys`, { type: 'alertmanager', heartbeat: { id: randomUUID() } })).status).toBe(400);
    const events = await api.admin('POST', `/api/v1/services/${serviceId}/integration-keys`, { type: 'events', heartbeat: { id: hb.id } });
    expect(events.status).toBe(400);
    expect(events.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['heartbeat']);
  });

  it('warns when interval + grace is not longer than the route re-sends (repeat_interval + group_interval), on the key and on PATCH', async () => {
    const hb = await heartbeat('too-short', 120);
    const key = await watchdogKey(hb.id);
    expect(key.warnings).toEqual([{ path: 'heartbeat.id', message: expect.stringContaining('re-send the Watchdog only every 120 s (repeat_interval 60 s + group_interval 60 s)') }]);
    expect((await watchdogKey(hb.id, { repeatIntervalSeconds: 30, groupIntervalSeconds: 30 })).warnings).toEqual([]);
    const longer = await api.admin('PATCH', `/api/v1/heartbeats/${hb.id}`, { intervalSeconds: 180 });
    expect(longer.body).toMatchObject({ intervalSeconds: 180, warnings: [] });
    const shorter = await api.admin('PATCH', `/api/v1/heartbeats/${hb.id}`, { intervalSeconds: 60 });
    expect(shorter.status).toBe(200);
    // both keys' routes now re-send too rarely (120 s and 60 s are not shorter than 60 s)
    expect(shorter.body.warnings).toEqual([
      { path: 'intervalSeconds', message: expect.stringMatching(/^integration key 'alertmanager': heartbeat 'too-short' misses 60 s after a ping .* every 120 s/) },
      { path: 'intervalSeconds', message: expect.stringMatching(/^integration key 'alertmanager': heartbeat 'too-short' misses 60 s after a ping .* every 60 s/) },
    ]);
  });

  it('a firing Watchdog is a ping, never an alert; resolved it is a miss at once; firing again resolves the incident', async () => {
    const hb = await heartbeat('prod-prometheus', 180);
    const { key } = await watchdogKey(hb.id);

    const first = await api.post(AM, watchdog('firing'), key);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({
      alertsReceived: 1,
      alertsHeartbeat: 1,
      alertsNew: 0,
      alertsDeduplicated: 0,
      incidentsOpened: 0,
      incidents: [],
      heartbeat: { id: hb.id, signal: 'ping', status: 'up' },
    });
    expect(await get(hb.id)).toMatchObject({ status: 'up', lastPingAt: clock.toISOString() });

    // Alertmanager's repeat: another ping, the timer moves
    advance(120);
    expect((await api.post(AM, watchdog('firing'), key)).body).toMatchObject({ alertsHeartbeat: 1, alertsDeduplicated: 0 });
    expect(await get(hb.id)).toMatchObject({ status: 'up', lastPingAt: clock.toISOString() });

    // the Watchdog alongside a real alert: that one is ingested as usual, the Watchdog is not part of its incident
    const mixed = await api.post(
      AM,
      notification([
        { alertname: 'Watchdog', status: 'firing', fingerprint: 'aaaaaaaaaaaaaaaa' },
        { alertname: 'DiskFull', status: 'firing', fingerprint: 'bbbbbbbbbbbbbbbb' },
      ]),
      key,
    );
    expect(mixed.body).toMatchObject({ alertsReceived: 2, alertsHeartbeat: 1, alertsNew: 1, incidentsOpened: 1, heartbeat: { signal: 'ping' } });
    expect(await watchdogAlertRows()).toBe(0);
    expect(await heartbeatIncidents('prod-prometheus')).toEqual([]);

    // Prometheus died: its Watchdog expires in Alertmanager, which sends it resolved. A miss now, not at the timer.
    advance(30);
    const resolved = await api.post(AM, watchdog('resolved'), key);
    expect(resolved.body).toMatchObject({ alertsReceived: 1, alertsHeartbeat: 1, alertsResolved: 0, alertsIgnored: 0, heartbeat: { signal: 'miss', status: 'down' } });
    const [incident, ...more] = await heartbeatIncidents('prod-prometheus');
    expect(more).toEqual([]);
    expect(incident).toMatchObject({ status: 'triggered' });
    expect(await get(hb.id)).toMatchObject({ status: 'down', incidentId: incident!.id, lastPingAt: new Date(clock.getTime() - 30_000).toISOString() });
    const missed = await api.db.prisma.incidentEvent.findMany({ where: { incidentId: incident!.id, type: 'heartbeat_missed' }, select: { message: true } });
    expect(missed).toEqual([
      { message: "Heartbeat 'prod-prometheus' missed: Alertmanager sent its Watchdog as resolved (no Prometheus sends it any more); last ping 30 s ago" },
    ]);
    // the HA twin's copy of the same notification: nothing more
    expect((await api.post(AM, watchdog('resolved'), key)).body).toMatchObject({ heartbeat: { signal: 'miss', status: 'down' } });
    expect(await heartbeatIncidents('prod-prometheus')).toHaveLength(1);

    // Prometheus is back
    advance(300);
    const back = await api.post(AM, watchdog('firing'), key);
    expect(back.body).toMatchObject({ heartbeat: { signal: 'ping', status: 'up' }, alertsNew: 0 });
    expect(await heartbeatIncidents('prod-prometheus')).toEqual([{ id: incident!.id, status: 'resolved' }]);
    const received = await api.db.prisma.incidentEvent.findMany({ where: { incidentId: incident!.id, type: 'heartbeat_received' }, select: { message: true } });
    expect(received).toEqual([{ message: 'Heartbeat received again after 5 min' }]);
    expect(await watchdogAlertRows()).toBe(0);
  });

  it('PATCH links an existing key to a heartbeat (with warnings) and unlinks it; audit-logged; 400 on an events key', async () => {
    const hb = await heartbeat('linked-later', 60);
    const created = await api.admin('POST', `/api/v1/services/${serviceId}/integration-keys`, { type: 'alertmanager', name: 'later' });
    const path = `/api/v1/services/${serviceId}/integration-keys/${created.body.id}`;
    const linked = await api.admin('PATCH', path, { heartbeat: { id: hb.id } });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body).toMatchObject({ heartbeat: { id: hb.id, alertname: 'Watchdog' }, warnings: [{ path: 'heartbeat.id' }] });
    expect((await api.post(AM, watchdog('firing'), created.body.key)).body).toMatchObject({ alertsHeartbeat: 1, heartbeat: { id: hb.id, signal: 'ping' } });
    const unlinked = await api.admin('PATCH', path, { heartbeat: null });
    expect(unlinked.body).toMatchObject({ heartbeat: null, warnings: [] });
    const audit = await api.db.prisma.auditLogEntry.findMany({ where: { entityId: created.body.id }, orderBy: { createdAt: 'asc' }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(['integration_key.create', 'integration_key.update', 'integration_key.update']);
    const events = await api.admin('POST', `/api/v1/services/${serviceId}/integration-keys`, { type: 'events' });
    const refused = await api.admin('PATCH', `/api/v1/services/${serviceId}/integration-keys/${events.body.id}`, { heartbeat: { id: hb.id } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['heartbeat']);
    expect((await api.admin('PATCH', path, {})).status).toBe(400);
  });

  it('a configured alertname; a resolved Watchdog on a heartbeat never pinged changes nothing', async () => {
    const hb = await heartbeat('renamed', 600);
    const { key } = await watchdogKey(hb.id, { alertname: 'DeadMansSwitch' });
    const body = notification([{ alertname: 'DeadMansSwitch', status: 'resolved', fingerprint: 'cccccccccccccccc' }]);
    expect((await api.post(AM, body, key)).body).toMatchObject({ alertsHeartbeat: 1, heartbeat: { signal: 'miss', status: 'new' } });
    expect(await heartbeatIncidents('renamed')).toEqual([]);
    body.alerts[0]!.status = 'firing';
    expect((await api.post(AM, body, key)).body).toMatchObject({ alertsHeartbeat: 1, heartbeat: { signal: 'ping', status: 'up' } });
    // a "Watchdog" is an ordinary alert on this key
    expect((await api.post(AM, watchdog('firing'), key)).body).toMatchObject({ alertsHeartbeat: 0, alertsNew: 1, heartbeat: null });
  });
});
