// "Silence 1 h" on the incident page against the REAL Alertmanager (the harness of
// test/slack/silence.int.test.ts): the alerts come from it, and the silence the
// button asks for shows up in Alertmanager's own API. The button is there only
// once the integration key has its Alertmanager URL.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startRealAlertmanager, type RealAlertmanager } from '../support/alertmanager-harness';
import { incidentsOf } from '../support/incident-state';
import { seedService, type SeededService } from '../support/seed-service';
import { waitFor } from '../support/wait-for';
import { signInAs, startWeb, type WebWorld } from './browser';

let web: WebWorld;
let am: RealAlertmanager;
let svc: SeededService;
let teamId: string;

beforeAll(async () => {
  web = await startWeb();
  svc = await seedService(web.api.db);
  teamId = (await web.api.admin('POST', '/api/v1/teams', { name: 'storage' })).body.id;
  await web.api.db.prisma.service.update({ where: { id: svc.serviceId }, data: { teamId } });
  am = startRealAlertmanager(`${web.baseUrl}/api/v1/integrations/alertmanager`, {
    bearer: svc.secret,
    env: { AM_GROUP_WAIT: '1s', AM_GROUP_INTERVAL: '2s', AM_REPEAT: '1h', AM_GROUP_BY: 'alertname,node' },
  });
}, 60_000);

afterAll(async () => {
  am?.stop();
  await web?.close();
});

it('a responder silences an incident for an hour: it is acknowledged and Alertmanager has the silence', async () => {
  const rita = await web.api.createUser({ name: 'Rita Responder', teams: { [teamId]: 'responder' } });
  am.fire('--annotation', 'summary=Disk almost full', 'alertname=DiskFull', 'node=n1', 'severity=warning');
  const [incident] = await waitFor(() => incidentsOf(web.api.db, svc.serviceId), (l) => l.length === 1, { what: 'the incident' });

  const page = await web.newPage();
  await signInAs(page, rita);
  // without the Alertmanager URL on the integration key there is no Silence button, and the page says what is missing
  await page.goto(`/incidents/${incident!.id}`);
  await page.getByText("set the Alertmanager URL on the service's integration key").waitFor();
  expect(await page.getByRole('button', { name: 'Silence 1 h' }).count()).toBe(0);

  await web.api.db.prisma.integrationKey.update({ where: { id: svc.keyId }, data: { alertmanagerUrl: am.url } });
  await page.goto(`/incidents/${incident!.id}`);
  await page.getByRole('button', { name: 'Silence 1 h' }).click();
  await page.getByText('its alerts are silenced in Alertmanager for 1 hour').waitFor();
  await expect.poll(() => page.locator('.incident-head .status').textContent()).toBe('acknowledged');

  const silences = (await (await fetch(`${am.url}/api/v2/silences`)).json()) as { matchers: { name: string; value: string }[]; endsAt: string; status: { state: string } }[];
  const active = silences.filter((s) => s.status.state === 'active');
  expect(active).toHaveLength(1);
  expect(active[0]!.matchers).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'alertname', value: 'DiskFull' })]));
  const minutes = (new Date(active[0]!.endsAt).getTime() - Date.now()) / 60_000;
  expect(minutes).toBeGreaterThan(50);
  expect(minutes).toBeLessThanOrEqual(61);
});
