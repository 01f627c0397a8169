// The Routing page (docs/routing.md): an admin creates a routing integration and
// sees its key once; edits ordered routes (a bad regex is refused with RE2's
// reason under its route), moves a route up, saves, and the key routes by the
// saved order; a responder sees the routes but no key and no edit controls.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DESKTOP, PHONE, signInAs, startWeb, type WebWorld } from './browser';

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
  expect(routeError).not.toContain('routes.0'); // in plain words
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

// h21: "test these routes and rules": the routes and the integration's rules as edited (unsaved) against a pasted
// payload and the last 100 alerts; a bad matcher shown under its route before saving; at 1280 and 390 px.
// h21b: the rules through the form editor (a service's): added, a bad regex under its field, saved, reloaded
for (const viewport of [DESKTOP, PHONE]) {
  it(`the preview panel tests unsaved routes and rules (${viewport.width} px)`, async () => {
    const tag = `${viewport.width}`;
    await web.api.admin('POST', '/api/v1/services', { name: `pg-${tag}`, routingName: `pg-${tag}` });
    const rest = (await web.api.admin('POST', '/api/v1/services', { name: `rest-${tag}` })).body.id as string;
    const created = await web.api.admin('POST', '/api/v1/routing-integrations', { name: `one receiver ${tag}`, routes: [{ matchers: ['team!=""'], serviceFromLabel: 'team' }], catchAllServiceId: rest });
    expect(created.status).toBe(201);
    const admin = await web.api.createUser({ name: `Ada ${tag}`, role: 'admin' });
    const page = await web.newPage(viewport);
    await signInAs(page, admin);
    await page.goto('/routing');
    const card = page.getByRole('region', { name: `Routing integration one receiver ${tag}` });
    const panel = card.getByRole('region', { name: 'Test these routes and rules' });

    // a rule added through the form (not saved) sets the team the route matches
    const rules = card.getByRole('form', { name: 'Alert rules' });
    await rules.getByRole('button', { name: 'Add rule' }).click();
    await rules.getByLabel('Name', { exact: true }).fill('postgres is pg');
    await rules.getByLabel(/^Label matchers/).fill('namespace=~"(postgres-.*"');
    await rules.getByLabel(/^Add or rewrite labels/).fill(`team=pg-${tag}`);
    const payload = {
      version: '4', groupKey: '{}:{}', status: 'firing', receiver: 'heinrich', groupLabels: {},
      alerts: [
        { status: 'firing', labels: { alertname: 'ReplicationLag', namespace: 'postgres-main' }, annotations: {}, startsAt: new Date().toISOString(), fingerprint: `pv-1-${tag}` },
        { status: 'firing', labels: { alertname: 'Unowned' }, annotations: {}, startsAt: new Date().toISOString(), fingerprint: `pv-2-${tag}` },
      ],
    };
    await panel.getByLabel('Alertmanager payload (JSON)').fill(JSON.stringify(payload));
    // the rule's bad regex: the preview's refusal (alertRules.0.matchers.0) under the rule's matchers, in plain words
    await panel.getByRole('button', { name: 'Test with this payload' }).click();
    const ruleItem = rules.getByRole('listitem', { name: 'Rule 1' });
    await expect.poll(() => ruleItem.getByRole('alert').textContent()).toContain('invalid regular expression');
    expect(await ruleItem.getByRole('alert').textContent()).not.toContain('alertRules');
    expect(await panel.getByRole('alert').count()).toBe(0);
    // saving refuses a bad one alike (rules.0.matchers.0), under the same field
    await rules.getByLabel(/^Label matchers/).fill('namespace=~"[pg"');
    await rules.getByRole('button', { name: 'Save rules' }).click();
    await expect.poll(() => ruleItem.getByRole('alert').textContent()).toContain('invalid regular expression "[pg"');
    expect(await ruleItem.getByRole('alert').textContent()).not.toContain('rules.0');
    await rules.getByLabel(/^Label matchers/).fill('namespace=~"postgres-.*"');

    // a bad regex in the edited route: shown under the route, before any save
    await card.getByLabel('Matchers (one a line, all must match)').fill('team=~"("');
    await panel.getByRole('button', { name: 'Test with this payload' }).click();
    const routeError = await card.getByRole('listitem', { name: 'Route 1' }).getByRole('alert').textContent();
    expect(routeError).not.toContain('routes.0'); // in plain words
    expect(routeError).toContain('invalid regular expression');

    await card.getByLabel('Matchers (one a line, all must match)').fill('team!=""');
    await panel.getByRole('button', { name: 'Test with this payload' }).click();
    await panel.getByRole('status').filter({ hasText: '2 alerts: 1 routed, 1 to the catch-all, 0 dropped.' }).waitFor();
    const lag = panel.getByRole('listitem', { name: 'Alert ReplicationLag' });
    expect(await lag.textContent()).toContain(`Route 1 → pg-${tag}`);
    expect(await lag.textContent()).toContain(`label team added: "pg-${tag}" by rule "postgres is pg" on routing integration one receiver ${tag}`);
    expect(await panel.getByRole('listitem', { name: 'Alert Unowned' }).textContent()).toContain(`Catch-all → rest-${tag}`);

    // the last 100 alerts received (one sent through the key first: the newest of them)
    const sent = await web.api.post('/api/v1/integrations/alertmanager', { ...payload, alerts: [{ ...payload.alerts[0], fingerprint: `pv-3-${tag}`, labels: { alertname: `Received${tag}`, team: `pg-${tag}` } }] }, created.body.key);
    expect(sent.status).toBe(200);
    await panel.getByRole('button', { name: 'Test with the last 100 alerts' }).click();
    await panel.getByRole('listitem', { name: `Alert Received${tag}` }).filter({ hasText: `Route 1 → pg-${tag}` }).waitFor();
    expect(await panel.getByRole('status').first().textContent()).toMatch(/alerts?: \d+ routed/);

    // nothing was saved
    const stored = await web.api.admin('GET', `/api/v1/routing-integrations/${created.body.id}`);
    expect(stored.body.routes).toEqual([{ matchers: ['team!=""'], serviceFromLabel: 'team' }]);
    expect((await web.api.admin('GET', `/api/v1/routing-integrations/${created.body.id}/alert-rules`)).body.rules).toEqual([]);

    // the edited rules are saved on request
    await card.getByRole('button', { name: 'Save rules' }).click();
    await card.getByRole('status').filter({ hasText: 'Rules saved.' }).waitFor();
    const savedRules = (await web.api.admin('GET', `/api/v1/routing-integrations/${created.body.id}/alert-rules`)).body.rules;
    expect(savedRules).toMatchObject([{ name: 'postgres is pg', matchers: ['namespace=~"postgres-.*"'], actions: { labels: { team: `pg-${tag}` } }, stop: false }]);
    await page.reload();
    const reloaded = page.getByRole('region', { name: `Routing integration one receiver ${tag}` }).getByRole('form', { name: 'Alert rules' });
    expect(await reloaded.getByTestId('alert-rule').first().textContent()).toContain('postgres is pg');
    await reloaded.getByRole('button', { name: 'Edit' }).click();
    expect(await reloaded.getByLabel(/^Add or rewrite labels/).inputValue()).toBe(`team=pg-${tag}`);

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
  }, 90_000);
}
