// Issue 17 §2: resolving by hand while alerts still fire. The firing alerts are
// marked resolved by hand; Alertmanager sending one of them again (its next
// repeat_interval) opens a new incident that pages and links the resolved one;
// copies within the service's late-copy window (HA peers, retries) change nothing.
// Real HTTP, Postgres and Redis, the real Alertmanager's captured payload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { alertmanagerFixture } from '../support/fixtures';
import { seedService, type SeededService } from '../support/seed-service';

const AM = '/api/v1/integrations/alertmanager';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

type Incident = { id: string; number: number; status: string; firingAlerts: number; alertCounts: Record<string, number>; timeline: { type: string; message: string }[] };
const incidents = async (svc: SeededService): Promise<Incident[]> => {
  const list = (await api.admin('GET', `/api/v1/incidents?serviceId=${svc.serviceId}`)).body.items as Incident[];
  return Promise.all(list.sort((a, b) => a.number - b.number).map(async (i) => (await api.admin('GET', `/api/v1/incidents/${i.id}`)).body as Incident));
};

describe('a manual resolve while alerts still fire', () => {
  let svc: SeededService;
  let first: Incident;
  beforeAll(async () => {
    svc = await seedService(api.db);
    expect((await api.post(AM, alertmanagerFixture('01-firing-initial-6-pods.json'), svc.secret)).body).toMatchObject({ incidentsOpened: 1 });
    [first] = (await incidents(svc)) as [Incident];
  });

  it('the open incident says how many alerts fire, so a client can warn before resolving', () => {
    expect(first.firingAlerts).toBe(6);
  });

  it('resolving marks the firing alerts resolved by hand and keeps their count', async () => {
    const res = await api.admin('POST', `/api/v1/incidents/${first.id}/resolve`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'resolved', firingAlerts: 6, alertCounts: { firing: 0, resolved: 6 } });
  });

  it('a copy within the late-copy window (2 min by default) changes nothing', async () => {
    const res = await api.post(AM, alertmanagerFixture('01-firing-initial-6-pods.json'), svc.secret);
    expect(res.body).toMatchObject({ alertsNew: 0, alertsDeduplicated: 6, incidentsOpened: 0 });
    expect(await incidents(svc)).toHaveLength(1);
  });

  it('the next repeat after the window opens a new incident that pages and links the one resolved by hand', async () => {
    // the window passed: here by making it 0 s (the service setting)
    expect((await api.admin('PATCH', `/api/v1/services/${svc.serviceId}`, { noise: { lateCopySeconds: 0 } })).status).toBe(200);
    const res = await api.post(AM, alertmanagerFixture('02-firing-repeat-after-repeat-interval.json'), svc.secret);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ alertsNew: 6, incidentsOpened: 1 });

    const [old, fresh, ...others] = await incidents(svc);
    expect(others).toHaveLength(0);
    expect(old).toMatchObject({ status: 'resolved', firingAlerts: 6 });
    expect(fresh).toMatchObject({ status: 'triggered', firingAlerts: 6, alertCounts: { firing: 6 } });
    const types = fresh!.timeline.map((e) => e.type);
    expect(types.slice(0, 2)).toEqual(['opened', 'refired_after_manual_resolve']);
    expect(fresh!.timeline[1]!.message).toMatch(new RegExp(`^6 alerts still firing after incident #${old!.number} was resolved by hand: collector-\\d, .* and 1 more$`));
  });

  it('an incident resolved by its alerts has no firing alerts left to count', async () => {
    const svc2 = await seedService(api.db);
    await api.post(AM, alertmanagerFixture('01-firing-initial-6-pods.json'), svc2.secret);
    const resolved = alertmanagerFixture('01-firing-initial-6-pods.json');
    resolved.status = 'resolved';
    for (const a of resolved.alerts) a.status = 'resolved';
    expect((await api.post(AM, resolved, svc2.secret)).body).toMatchObject({ incidentsResolved: 1 });
    const [incident] = await incidents(svc2);
    expect(incident).toMatchObject({ status: 'resolved', firingAlerts: 0 });
  });
});
