// Issue 17 §1: per service, at most one occurrence of a fingerprint fires. A
// re-fired alert (same fingerprint, newer startsAt: Prometheus restarted after a
// lost resolve) supersedes the earlier occurrence; a replayed older notification
// is stored as stale and changes nothing. Real HTTP, Postgres and Redis, fed with
// the real Alertmanager's captured payload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { alertmanagerFixture } from '../support/fixtures';
import { seedService, type SeededService } from '../support/seed-service';

const AM = '/api/v1/integrations/alertmanager';
const HOUR = 3_600_000;

/** fixture 01 (six crash-looping pods on d01), its startsAt moved by `shiftMs`, optionally resolved */
function sixPods(shiftMs: number, status: 'firing' | 'resolved' = 'firing') {
  const body = alertmanagerFixture('01-firing-initial-6-pods.json');
  body.status = status;
  for (const a of body.alerts) {
    a.startsAt = new Date(Date.parse(a.startsAt) + shiftMs).toISOString();
    a.status = status;
    a.endsAt = status === 'resolved' ? new Date(Date.parse(a.startsAt) + HOUR / 2).toISOString() : '0001-01-01T00:00:00Z';
  }
  return body;
}

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

async function incidentsOfService(svc: SeededService) {
  const list = await api.admin('GET', `/api/v1/incidents?serviceId=${svc.serviceId}`);
  expect(list.status).toBe(200);
  return list.body.items as { id: string; number: number; status: string; alertCounts: Record<string, number> }[];
}
async function detail(id: string) {
  const res = await api.admin('GET', `/api/v1/incidents/${id}`);
  expect(res.status).toBe(200);
  return res.body as { status: string; alertCounts: Record<string, number>; alerts: { fingerprint: string; status: string; startsAt: string }[]; timeline: { type: string; message: string }[] };
}

describe('re-fired alerts supersede, older ones are stale', () => {
  let svc: SeededService;
  beforeAll(async () => {
    svc = await seedService(api.db);
  });

  it('a replay of an older notification is stale: still 6 firing alerts over 6 fingerprints', async () => {
    expect((await api.post(AM, sixPods(HOUR), svc.secret)).body).toMatchObject({ alertsNew: 6, incidentsOpened: 1 });
    const replay = await api.post(AM, sixPods(0), svc.secret);
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ alertsReceived: 6, alertsNew: 0, alertsStale: 6, incidentsOpened: 0 });

    const [incident, ...others] = await incidentsOfService(svc);
    expect(others).toHaveLength(0);
    expect(incident!.alertCounts).toEqual({ firing: 6, resolved: 0, superseded: 0, stale: 6, total: 12 });
    const d = await detail(incident!.id);
    const firing = d.alerts.filter((a) => a.status === 'firing');
    expect(new Set(firing.map((a) => a.fingerprint)).size).toBe(6);
    expect(firing).toHaveLength(6);
    expect(d.timeline.map((e) => e.message)).toContain(
      '6 alerts ignored as stale, older than the occurrence already known: collector-1, collector-2, collector-3, collector-4, collector-5 and 1 more',
    );
  });

  it('a replayed stale copy again is a re-send of the stale occurrence', async () => {
    expect((await api.post(AM, sixPods(0), svc.secret)).body).toMatchObject({ alertsNew: 0, alertsStale: 0, alertsDeduplicated: 6 });
    const [incident] = await incidentsOfService(svc);
    expect(incident!.alertCounts).toMatchObject({ firing: 6, stale: 6, total: 12 });
  });

  it('a newer startsAt supersedes the firing occurrence, in the same incident', async () => {
    const refire = await api.post(AM, sixPods(2 * HOUR), svc.secret);
    expect(refire.body).toMatchObject({ alertsNew: 6, alertsStale: 0, incidentsOpened: 0 });
    const [incident, ...others] = await incidentsOfService(svc);
    expect(others).toHaveLength(0);
    expect(incident!.alertCounts).toEqual({ firing: 6, resolved: 0, superseded: 6, stale: 6, total: 18 });
    const d = await detail(incident!.id);
    expect(d.timeline.map((e) => e.type)).toContain('alerts_superseded');
    expect(d.timeline.find((e) => e.type === 'alerts_superseded')!.message).toBe(
      '6 alerts superseded by a newer occurrence: collector-1, collector-2, collector-3, collector-4, collector-5 and 1 more',
    );
  });

  it('a resolve of a superseded occurrence leaves the current one firing', async () => {
    const res = await api.post(AM, sixPods(HOUR, 'resolved'), svc.secret);
    expect(res.body).toMatchObject({ alertsResolved: 0, incidentsResolved: 0 });
    const [incident] = await incidentsOfService(svc);
    expect(incident).toMatchObject({ status: 'triggered', alertCounts: { firing: 6, superseded: 6 } });
  });

  it('resolving the current occurrences auto-resolves the incident', async () => {
    const res = await api.post(AM, sixPods(2 * HOUR, 'resolved'), svc.secret);
    expect(res.body).toMatchObject({ alertsResolved: 6, incidentsResolved: 1 });
    const [incident, ...others] = await incidentsOfService(svc);
    expect(others).toHaveLength(0);
    expect(incident).toMatchObject({ status: 'resolved', alertCounts: { firing: 0, resolved: 6 } });
  });

  it('an older notification replayed after the resolve opens nothing', async () => {
    const res = await api.post(AM, sixPods(0), svc.secret);
    expect(res.body).toMatchObject({ alertsNew: 0, alertsStale: 0, alertsDeduplicated: 6, incidentsOpened: 0 });
    expect(await incidentsOfService(svc)).toHaveLength(1);
  });
});

describe('a superseded alert in another incident lets that incident auto-resolve', () => {
  it('the old incident resolves once its only alert is superseded from a new group', async () => {
    // grouping by pod: the old occurrence sits in an incident whose group key differs from the new one's
    const svc = await seedService(api.db);
    const first = alertmanagerFixture('01-firing-initial-6-pods.json');
    first.alerts = first.alerts.slice(0, 1);
    expect((await api.post(AM, first, svc.secret)).body).toMatchObject({ incidentsOpened: 1 });
    const second = structuredClone(first);
    second.groupKey = '{}:{alertname="KubePodCrashLooping", pod="collector-1"}';
    second.alerts[0].startsAt = new Date(Date.parse(first.alerts[0].startsAt) + HOUR).toISOString();
    const res = await api.post(AM, second, svc.secret);
    expect(res.body).toMatchObject({ alertsNew: 1, incidentsOpened: 1, incidentsResolved: 1 });
    const incidents = (await incidentsOfService(svc)).sort((a, b) => a.number - b.number);
    expect(incidents.map((i) => [i.status, i.alertCounts.firing, i.alertCounts.superseded])).toEqual([
      ['resolved', 0, 1],
      ['triggered', 1, 0],
    ]);
  });
});
