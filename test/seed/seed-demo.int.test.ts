// The demo that `docker compose up` seeds: idempotent, its fixed key (the one the
// demo Alertmanager is configured with) opens incidents, and the worker pages
// whoever the demo rotation has on call — through the `log` channel, no credentials.
import { DEMO_ALERTMANAGER_KEY, DEMO_PASSWORD, seedDemo } from '@heinrich/usecases/demo/seed-demo';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { alertmanagerFixture } from '../support/fixtures';
import { incidentsOf } from '../support/incident-state';
import { waitFor } from '../support/wait-for';
import { startTestWorker, type TestWorker } from '../worker/start-test-worker';

let api: TestApi;
let worker: TestWorker;
beforeAll(async () => {
  api = await startTestApi();
  worker = await startTestWorker({ databaseUrl: api.databaseUrl, redisUrl: api.redisUrl, redisPrefix: api.redisPrefix });
});
afterAll(async () => {
  await worker?.close();
  await api?.close();
});

it('seeds a team of three paged through the log channel, a rotation, a policy and a service; twice changes nothing', async () => {
  const first = await seedDemo(api.ctx);
  const second = await seedDemo(api.ctx);
  expect(second).toEqual(first);
  expect(await api.db.prisma.user.count()).toBe(3);
  expect(await api.db.prisma.contactMethod.count({ where: { type: 'log', verifiedAt: { not: null } } })).toBe(3);
  expect(await api.db.prisma.schedule.count()).toBe(1);
  expect(await api.db.prisma.escalationPolicy.count()).toBe(1);
  expect(await api.db.prisma.integrationKey.count()).toBe(2);
});

it('lets Alice sign in with the documented demo password', async () => {
  const res = await fetch(`${api.baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'alice@demo.heinrich.invalid', password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
});

it('an alert sent with the demo key opens an incident and pages whoever is on call', async () => {
  const seed = await seedDemo(api.ctx);
  const res = await api.post('/api/v1/integrations/alertmanager', alertmanagerFixture('01-firing-initial-6-pods.json'), DEMO_ALERTMANAGER_KEY);
  expect(res.status).toBe(200);
  const [incident] = await incidentsOf(api.db, seed.serviceId);
  expect(incident).toMatchObject({ status: 'triggered', firing: 6 });

  const onCall = await api.admin('GET', `/api/v1/schedules/${seed.scheduleId}/on-call`);
  const paged = await waitFor(
    () => api.db.prisma.notification.findMany({ where: { incidentId: incident!.id } }),
    (list) => list.length > 0,
    { what: 'the on-call person to be paged' },
  );
  expect(paged.map((n) => n.userId)).toEqual([onCall.body.users[0].id]);
});
