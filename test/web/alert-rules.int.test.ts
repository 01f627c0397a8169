// Alert rules in the web UI (docs/alert-rules.md): a lead adds two rules on the
// service page, a bad regex is refused with the API's reason naming the field,
// reorders them with up/down and saves; the API has them in the new order. An
// alert the suppress rule matches shows the "suppressed" badge.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eventually } from '../worker/eventually';
import { signInAs, startWeb, type WebWorld } from './browser';

let web: WebWorld;

beforeAll(async () => {
  web = await startWeb();
}, 60_000);

afterAll(async () => {
  await web?.close();
});

it('a lead edits, validates, reorders and saves alert rules; a suppressed incident has its badge', async () => {
  const teamId = (await web.api.admin('POST', '/api/v1/teams', { name: 'Batch' })).body.id;
  const lena = await web.api.createUser({ name: 'Lena Lead', teams: { [teamId]: 'lead' } });
  const service = (await web.api.admin('POST', '/api/v1/services', { name: 'collector', teamId })).body;
  const key = (await web.api.admin('POST', `/api/v1/services/${service.id}/integration-keys`, { type: 'alertmanager' })).body.key as string;

  const page = await web.newPage();
  await signInAs(page, lena);
  await page.goto(`/services/${service.id}`);
  await page.getByRole('heading', { name: 'Alert rules' }).waitFor();
  const rules = page.getByRole('form', { name: 'Alert rules' });

  await rules.getByRole('button', { name: 'Add rule' }).click();
  await rules.getByLabel('Name', { exact: true }).fill('warnings are low');
  await rules.getByLabel(/^Label matchers/).fill('severity="warning"');
  await rules.getByLabel('Set urgency').selectOption('low');
  await rules.getByRole('button', { name: 'Add rule' }).click();
  await rules.getByLabel('Name', { exact: true }).fill('batch is noise');
  await rules.getByLabel(/^Label matchers/).fill('namespace=~"(batch"');
  await rules.getByLabel(/Suppress: store/).check();
  await rules.getByRole('button', { name: 'Save rules' }).click();
  // in plain words, without the field path
  await expect.poll(() => rules.getByRole('alert').textContent()).toContain('invalid regular expression');
  expect(await rules.getByRole('alert').textContent()).not.toContain('rules.1.matchers.0');

  await rules.getByLabel(/^Label matchers/).fill('namespace=~"batch-.*"');
  await rules.getByRole('button', { name: 'Move batch is noise up' }).click();
  await rules.getByRole('button', { name: 'Save rules' }).click();
  await rules.getByText('Rules saved.').waitFor();
  const stored = (await web.api.admin('GET', `/api/v1/services/${service.id}/alert-rules`)).body;
  expect(stored.rules.map((r: { name: string }) => r.name)).toEqual(['batch is noise', 'warnings are low']);
  expect(stored.rules[0]).toMatchObject({ matchers: ['namespace=~"batch-.*"'], actions: { suppress: true } });
  await page.reload();
  expect(await page.getByRole('form', { name: 'Alert rules' }).getByTestId('alert-rule').first().textContent()).toContain('batch is noise');

  const sent = await web.api.post(
    '/api/v1/integrations/alertmanager',
    {
      version: '4', groupKey: '{}:{alertname="JobFailed"}', status: 'firing', receiver: 'heinrich', truncatedAlerts: 0,
      groupLabels: { alertname: 'JobFailed' }, commonLabels: {}, commonAnnotations: {}, externalURL: 'http://am',
      alerts: [{ status: 'firing', labels: { alertname: 'JobFailed', namespace: 'batch-3' }, annotations: {}, startsAt: new Date().toISOString(), endsAt: '0001-01-01T00:00:00Z', generatorURL: '', fingerprint: 'ab11bb22cc33dd44' }],
    },
    key,
  );
  expect(sent.status).toBeLessThan(300);
  const incident = await eventually('the suppressed incident', async () => {
    const r = await web.api.db.pool.query<{ number: number }>(`SELECT number FROM incidents WHERE service_id = $1 AND suppressed_by IS NOT NULL`, [service.id]);
    return r.rows[0];
  });
  await page.goto(`/incidents/${incident.number}`);
  expect(await page.locator('.suppressed-badge').textContent()).toBe('suppressed');
});
