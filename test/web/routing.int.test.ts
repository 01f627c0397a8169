// The Routing page (docs/routing.md): an admin creates a routing integration and
// sees its key once; edits ordered routes (a bad regex is refused with RE2's
// reason under its route), moves a route up, saves, and the key routes by the
// saved order; a responder sees the routes but no key and no edit controls.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signInAs, startWeb, type WebWorld } from './browser';

let web: WebWorld;
beforeAll(async () => {
  web = await startWeb();
}, 60_000);
afterAll(async () => {
  await web?.close();
});

it('create, edit with validation from the API, reorder, save; the key shown only to its creator', async () => {
  const db = (await web.api.admin('POST', '/api/v1/services', { name: 'databases', routingName: 'db' })).body.id as string;
  const misc = (await web.api.admin('POST', '/api/v1/services', { name: 'misc' })).body.id as string;
  const admin = await web.api.createUser({ name: 'Ada Admin', role: 'admin' });
  const page = await web.newPage();
  await signInAs(page, admin);
  await page.goto('/routing');
  await page.getByRole('textbox', { name: 'New routing integration' }).fill('prod Alertmanager');
  await page.getByRole('button', { name: 'Create' }).click();
  const key = (await page.getByTestId('routing-key').textContent())!;
  expect(key).toMatch(/^hr_/);

  const card = page.getByRole('region', { name: 'Routing integration prod Alertmanager' });
  await card.getByRole('button', { name: 'Add route' }).click();
  await card.getByLabel('Matchers (one a line, all must match)').fill('team=~"("');
  await card.getByLabel('Route 1 service').selectOption({ label: 'misc' });
  await card.getByRole('button', { name: 'Save routes' }).click();
  const routeError = await card.getByRole('listitem', { name: 'Route 1' }).getByRole('alert').textContent();
  expect(routeError).toContain('routes.0.matchers.0');
  expect(routeError).toContain('invalid regular expression');

  await card.getByLabel('Matchers (one a line, all must match)').fill('severity="critical"');
  await card.getByRole('button', { name: 'Add route' }).click();
  await card.getByLabel('Matchers (one a line, all must match)').nth(1).fill('team!=""');
  await card.getByRole('listitem', { name: 'Route 2' }).getByLabel('to the service whose routing name is label').check();
  await card.getByLabel('Route 2 label').fill('team');
  await card.getByRole('button', { name: 'Move route 2 up' }).click();
  await card.getByLabel('Catch-all (what no route takes)').selectOption({ label: 'misc' });
  await card.getByRole('button', { name: 'Save routes' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

  const [saved] = (await web.api.admin('GET', '/api/v1/routing-integrations')).body.items;
  expect(saved.routes).toEqual([
    { matchers: ['team!=""'], serviceFromLabel: 'team' },
    { matchers: ['severity="critical"'], serviceId: misc },
  ]);
  expect(saved.catchAllServiceId).toBe(misc);
  const sent = await web.api.post(
    '/api/v1/integrations/alertmanager',
    { version: '4', groupKey: '{}:{}', status: 'firing', receiver: 'heinrich', alerts: [{ status: 'firing', labels: { alertname: 'X', team: 'db', severity: 'critical' }, annotations: {}, startsAt: new Date().toISOString(), fingerprint: 'ui-1' }] },
    key,
  );
  expect(sent.body.routing.services).toEqual([{ serviceId: db, alerts: 1 }]);

  // a responder: the routes, no key, nothing to edit
  const viewer = await web.api.createUser({ name: 'Rita Responder' });
  const other = await web.newPage();
  await signInAs(other, viewer);
  await other.goto('/routing');
  const theirs = other.getByRole('region', { name: 'Routing integration prod Alertmanager' });
  expect(await theirs.getByLabel('Matchers (one a line, all must match)').first().inputValue()).toBe('team!=""');
  expect(await other.getByTestId('routing-key').count()).toBe(0);
  expect(await theirs.getByRole('button', { name: 'Save routes' }).count()).toBe(0);
  expect(await other.content()).not.toContain(key);
}, 60_000);
