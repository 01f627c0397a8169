// The demo seed that `docker compose up` runs: idempotent, and its fixed key
// (the one the demo Alertmanager is configured with) really opens incidents.
import { DEMO_ALERTMANAGER_KEY, seedDemo } from '@heinrich/db/seed/seed-demo';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { alertmanagerFixture } from '../support/fixtures';
import { incidentsOf } from '../support/incident-state';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

it('seeds a team, three users paged through the log channel and a service; twice changes nothing', async () => {
  const first = await seedDemo(api.db);
  const second = await seedDemo(api.db);
  expect(second).toEqual(first);
  expect(await api.db.prisma.user.count()).toBe(3);
  expect(await api.db.prisma.contactMethod.count({ where: { type: 'log', verifiedAt: { not: null } } })).toBe(3);
  expect(await api.db.prisma.service.count()).toBe(1);
  expect(await api.db.prisma.integrationKey.count()).toBe(2);

  const res = await api.post('/api/v1/integrations/alertmanager', alertmanagerFixture('01-firing-initial-6-pods.json'), DEMO_ALERTMANAGER_KEY);
  expect(res.status).toBe(200);
  expect(await incidentsOf(api.db, first.serviceId)).toMatchObject([{ status: 'triggered', firing: 6 }]);
});
