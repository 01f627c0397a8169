// Heartbeat monitors through real HTTP and Postgres: the token shown once and
// masked after, pings by URL and by Bearer, 404 for unknown and rotated
// tokens, RBAC, the audit log; and the missed-heartbeat pass (the worker's,
// run here on the API's context with a clock the test moves): one incident
// per miss even with two passes at once, resolved by the next ping.
import { randomUUID } from 'node:crypto';
import { checkMissedHeartbeats } from '@heinrich/usecases/heartbeats/check-missed-heartbeats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';

let api: TestApi;
let clock = new Date('2026-12-07T12:00:00.000Z');
const advance = (s: number) => (clock = new Date(clock.getTime() + s * 1000));
let teamId: string;
let serviceId: string;

beforeAll(async () => {
  api = await startTestApi({ now: () => clock });
  teamId = (await api.admin('POST', '/api/v1/teams', { name: `hb-team-${randomUUID()}` })).body.id;
  serviceId = (await api.admin('POST', '/api/v1/services', { name: 'monitoring', teamId })).body.id;
});
afterAll(async () => {
  await api?.close();
});

const create = async (name: string, intervalSeconds = 60, graceSeconds = 0) => {
  const res = await api.admin('POST', '/api/v1/heartbeats', { serviceId, name, intervalSeconds, graceSeconds });
  expect(res.status).toBe(201);
  return res.body as { id: string; token: string; pingUrl: string; status: string };
};
const ping = (token: string, method = 'POST') => api.request(method, `/api/v1/heartbeats/${token}/ping`);
const incidentsOf = (heartbeat = 'prod-prometheus') =>
  api.db.prisma.incident.findMany({ where: { serviceId, title: { startsWith: `Heartbeat '${heartbeat}'` } }, orderBy: { number: 'asc' }, select: { id: true, title: true, status: true } });

describe('managing heartbeats', () => {
  it('shows the token and ping URL once; lists show the URL masked, never the token', async () => {
    const created = await create('nightly-backup', 86_400, 3_600);
    expect(created).toMatchObject({ status: 'new', token: expect.stringMatching(/^hb_/) });
    expect(created.pingUrl).toMatch(new RegExp(`/api/v1/heartbeats/${created.token}/ping$`));
    expect((created as unknown as { example: string }).example).toContain(`curl -fsS -m 10 --retry 3 -X POST ${created.pingUrl}`);

    const list = await api.admin('GET', `/api/v1/heartbeats?serviceId=${serviceId}`);
    const item = list.body.items.find((h: { id: string }) => h.id === created.id);
    expect(item).toMatchObject({ name: 'nightly-backup', intervalSeconds: 86_400, graceSeconds: 3_600, status: 'new', lastPingAt: null });
    expect(item.maskedPingUrl).toMatch(new RegExp(`/api/v1/heartbeats/${created.token.slice(0, 8)}…/ping$`));
    expect(JSON.stringify(list.body)).not.toContain(created.token);
    expect(JSON.stringify((await api.admin('GET', `/api/v1/heartbeats/${created.id}`)).body)).not.toContain(created.token);
  });

  it('refuses an interval under 60 s and a negative grace with a 400 naming the field', async () => {
    const res = await api.admin('POST', '/api/v1/heartbeats', { serviceId, name: 'too-fast', intervalSeconds: 30, graceSeconds: -1 });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['graceSeconds', 'intervalSeconds']);
    expect((await api.admin('POST', '/api/v1/heartbeats', { serviceId: randomUUID(), name: 'x', intervalSeconds: 60 })).status).toBe(404);
  });

  it('a second heartbeat of the same name on the service is a 409', async () => {
    await create('dup');
    expect((await api.admin('POST', '/api/v1/heartbeats', { serviceId, name: 'dup', intervalSeconds: 60 })).status).toBe(409);
  });

  it('updates, pauses and resumes, and audit-logs every change without the token', async () => {
    const hb = await create('audited');
    expect((await api.admin('PATCH', `/api/v1/heartbeats/${hb.id}`, { intervalSeconds: 120 })).body).toMatchObject({ intervalSeconds: 120 });
    expect((await api.admin('POST', `/api/v1/heartbeats/${hb.id}/pause`)).body.status).toBe('paused');
    expect((await api.admin('POST', `/api/v1/heartbeats/${hb.id}/resume`)).body.status).toBe('new');
    const entries = await api.db.prisma.auditLogEntry.findMany({ where: { entityId: hb.id }, orderBy: { createdAt: 'asc' } });
    expect(entries.map((e) => e.action)).toEqual(['heartbeat.create', 'heartbeat.update', 'heartbeat.pause', 'heartbeat.resume']);
    expect(JSON.stringify(entries)).not.toContain(hb.token);
    expect((await api.admin('DELETE', `/api/v1/heartbeats/${hb.id}`)).status).toBe(204);
    expect((await ping(hb.token)).status).toBe(404);
    expect((await api.admin('GET', `/api/v1/heartbeats/${hb.id}`)).status).toBe(404);
  });

  it('leads of the owning team manage heartbeats; responders get 403 with the reason', async () => {
    const lead = await api.createApiKey({ role: 'lead', teamId });
    const responder = await api.createApiKey({ role: 'responder', teamId });
    const body = { serviceId, name: 'by-lead', intervalSeconds: 60 };
    const denied = await api.withKey(responder.secret)('POST', '/api/v1/heartbeats', body);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toMatch(/Only leads of team .* or admins can manage heartbeat by-lead of service monitoring/);
    expect((await api.withKey(lead.secret)('POST', '/api/v1/heartbeats', body)).status).toBe(201);
    // every caller reads
    expect((await api.withKey(responder.secret)('GET', '/api/v1/heartbeats')).status).toBe(200);
  });
});

describe('pinging', () => {
  it('POST and GET by URL, no credential and no body, answer 200 and make the heartbeat up', async () => {
    const hb = await create('cron-ping');
    const post = await ping(hb.token);
    expect(post.status).toBe(200);
    expect(post.body).toEqual({ status: 'up', lastPingAt: clock.toISOString() });
    expect((await ping(hb.token, 'GET')).status).toBe(200);
    expect((await api.admin('GET', `/api/v1/heartbeats/${hb.id}`)).body).toMatchObject({ status: 'up', lastPingAt: clock.toISOString() });
  });

  it('answers 404 for an unknown token and for a rotated one; the new URL works', async () => {
    expect((await ping('hb_not-a-token')).status).toBe(404);
    const hb = await create('rotated');
    const rotated = await api.admin('POST', `/api/v1/heartbeats/${hb.id}/rotate-token`);
    expect(rotated.status).toBe(201);
    expect(rotated.body.token).not.toBe(hb.token);
    expect((await ping(hb.token)).status).toBe(404);
    expect((await ping(rotated.body.token)).status).toBe(200);
  });

  it('takes the token as Bearer on /api/v1/integrations/heartbeat (401 without a valid one)', async () => {
    const hb = await create('bearer-ping');
    expect((await api.request('POST', '/api/v1/integrations/heartbeat', undefined, { authorization: `Bearer ${hb.token}` })).status).toBe(200);
    // an Alertmanager webhook receiver posts its JSON body: ignored, still a ping
    const watchdog = { version: '4', status: 'firing', alerts: [{ status: 'firing', labels: { alertname: 'Watchdog' } }] };
    expect((await api.request('POST', '/api/v1/integrations/heartbeat', watchdog, { authorization: `Bearer ${hb.token}`, 'content-type': 'application/json' })).status).toBe(200);
    expect((await api.request('POST', '/api/v1/integrations/heartbeat', undefined, { authorization: 'Bearer hb_wrong' })).status).toBe(401);
    expect((await api.request('POST', '/api/v1/integrations/heartbeat')).status).toBe(401);
  });
});

describe('a missed heartbeat', () => {
  it('never pinged: no incident however long it waits', async () => {
    const hb = await create('never-pinged');
    advance(3_600);
    const { missed } = await checkMissedHeartbeats(api.ctx);
    expect(missed.map((m) => m.heartbeatId)).not.toContain(hb.id);
    expect((await api.admin('GET', `/api/v1/heartbeats/${hb.id}`)).body.status).toBe('new');
  });

  it('60 s interval, no grace, pinged once then left alone: one incident past 60 s even with two passes at once; a ping resolves it', async () => {
    const hb = await create('prod-prometheus');
    expect((await ping(hb.token)).status).toBe(200);
    const before = (await incidentsOf()).length;

    advance(59);
    await checkMissedHeartbeats(api.ctx);
    expect((await incidentsOf()).length).toBe(before);
    expect((await api.admin('GET', `/api/v1/heartbeats/${hb.id}`)).body.status).toBe('up');

    advance(6);
    // two workers' passes at the same moment
    const [a, b] = await Promise.all([checkMissedHeartbeats(api.ctx), checkMissedHeartbeats(api.ctx)]);
    expect([...a.missed, ...b.missed].filter((m) => m.heartbeatId === hb.id)).toHaveLength(1);
    const incidents = (await incidentsOf()).slice(before);
    expect(incidents).toEqual([
      { id: expect.any(String), title: "Heartbeat 'prod-prometheus' missed: last ping 1 min ago, expected every 1 min", status: 'triggered' },
    ]);
    expect((await api.admin('GET', `/api/v1/heartbeats/${hb.id}`)).body).toMatchObject({ status: 'down', incidentId: incidents[0]!.id });
    // a later pass finds nothing more to do
    advance(60);
    expect((await checkMissedHeartbeats(api.ctx)).missed.filter((m) => m.heartbeatId === hb.id)).toEqual([]);

    advance(14 * 60 - 125);
    expect((await ping(hb.token)).status).toBe(200);
    const incident = await api.db.prisma.incident.findUniqueOrThrow({ where: { id: incidents[0]!.id }, select: { status: true } });
    expect(incident.status).toBe('resolved');
    const events = await api.db.prisma.incidentEvent.findMany({ where: { incidentId: incidents[0]!.id }, select: { type: true, message: true } });
    expect(events).toContainEqual({ type: 'heartbeat_missed', message: "Heartbeat 'prod-prometheus' missed: last ping 1 min ago, expected every 1 min" });
    expect(events).toContainEqual({ type: 'heartbeat_received', message: 'Heartbeat received again after 14 min' });
    expect((await api.admin('GET', `/api/v1/heartbeats/${hb.id}`)).body).toMatchObject({ status: 'up', incidentId: null });

    // the next miss opens a new incident
    advance(61);
    expect((await checkMissedHeartbeats(api.ctx)).missed.filter((m) => m.heartbeatId === hb.id)).toHaveLength(1);
    expect((await incidentsOf()).slice(before)).toHaveLength(2);
  });

  it('a paused heartbeat does not alert', async () => {
    const hb = await create('paused-one');
    await ping(hb.token);
    await api.admin('POST', `/api/v1/heartbeats/${hb.id}/pause`);
    advance(600);
    expect((await checkMissedHeartbeats(api.ctx)).missed.map((m) => m.heartbeatId)).not.toContain(hb.id);
    expect((await api.admin('GET', `/api/v1/heartbeats/${hb.id}`)).body.status).toBe('paused');
  });
});
