// Maintenance windows in the web UI with the real worker behind it: a lead
// creates a window with the form (a bad matcher is refused with its reason),
// an alert on the service is held (a badge on the incident, the window page
// names whom it would have paged), and "End now" lets it page.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eventually } from '../worker/eventually';
import { startTestWorker, type TestWorker } from '../worker/start-test-worker';
import { signInAs, startWeb, type WebWorld } from './browser';

let web: WebWorld;
let worker: TestWorker;

beforeAll(async () => {
  web = await startWeb();
  worker = await startTestWorker({
    databaseUrl: web.api.databaseUrl,
    redisUrl: web.api.redisUrl,
    redisPrefix: web.api.redisPrefix,
    env: { MAINTENANCE_RELEASE_INTERVAL_MS: '500' },
  });
}, 60_000);

afterAll(async () => {
  await worker?.close();
  await web?.close();
});

it('a lead creates a window, an alert under it is held and shown with whom it would have paged, and "End now" pages it', async () => {
  const teamId = (await web.api.admin('POST', '/api/v1/teams', { name: 'Databases' })).body.id;
  const lena = await web.api.createUser({ name: 'Lena Lead', teams: { [teamId]: 'lead' } });
  const fiona = await web.api.createUser({ name: 'Fiona First', teams: { [teamId]: 'responder' } });
  const policy = await web.api.admin('POST', '/api/v1/escalation-policies', { name: 'DB on call', teamId, repeat: 0, steps: [{ delayMinutes: 30, targets: [{ type: 'user', id: fiona.id }] }] });
  expect(policy.status).toBe(201);
  const service = (await web.api.admin('POST', '/api/v1/services', { name: 'postgres', teamId, escalationPolicyId: policy.body.id })).body;
  const key = (await web.api.admin('POST', `/api/v1/services/${service.id}/integration-keys`, { type: 'alertmanager' })).body.key as string;

  const page = await web.newPage(undefined, { timezoneId: 'Europe/Berlin' });
  await signInAs(page, lena);
  await page.goto('/maintenance');
  await page.getByRole('button', { name: 'New maintenance window' }).click();
  await page.getByLabel('Reason', { exact: true }).fill('Upgrade PG');
  await page.getByLabel('Services').selectOption({ label: 'postgres' });
  const end = new Date(Date.now() + 60 * 60_000);
  const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(end).replace(' ', 'T');
  await page.getByLabel('End', { exact: true }).fill(local);
  await page.getByLabel('Matchers (optional, one a line)').fill('namespace=~"("');
  await page.getByRole('button', { name: 'Create window' }).click();
  await expect.poll(() => page.getByRole('alert').textContent()).toContain('invalid regular expression');

  await page.getByLabel('Matchers (optional, one a line)').fill('');
  // announced in Slack unless unticked
  expect(await page.getByRole('checkbox', { name: /Announce its start and end in Slack/ }).isChecked()).toBe(true);
  await page.getByRole('button', { name: 'Create window' }).click();
  await page.getByRole('heading', { name: /Upgrade PG/, level: 1 }).waitFor();
  await page.getByText('active', { exact: true }).first().waitFor();
  await page.getByText("start and end announced in the channels of the services' policies").waitFor();

  const sent = await web.api.post(
    '/api/v1/integrations/alertmanager',
    {
      version: '4', groupKey: '{}:{alertname="PgReplicationLag"}', status: 'firing', receiver: 'heinrich', truncatedAlerts: 0,
      groupLabels: { alertname: 'PgReplicationLag' }, commonLabels: {}, commonAnnotations: {}, externalURL: 'http://am',
      alerts: [{ status: 'firing', labels: { alertname: 'PgReplicationLag', node: 'db1' }, annotations: {}, startsAt: new Date().toISOString(), endsAt: '0001-01-01T00:00:00Z', generatorURL: '', fingerprint: 'aa11bb22cc33dd44' }],
    },
    key,
  );
  expect(sent.status).toBeLessThan(300);
  const incident = await eventually('the incident to be held', async () => {
    const r = await web.api.db.pool.query<{ id: string; number: number }>(`SELECT id, number FROM incidents WHERE service_id = $1 AND maintenance_until IS NOT NULL`, [service.id]);
    return r.rows[0];
  });

  // the window page shows what it held back and whom it would have paged
  await page.reload();
  const held = page.getByRole('table', { name: 'Incidents held back' });
  await expect.poll(() => held.textContent(), { timeout: 30_000 }).toContain(`#${incident.number}`);
  expect(await held.textContent()).toContain('Fiona First');
  // the incident list and page carry the badge
  await page.goto('/incidents');
  await page.locator('.maintenance-badge').first().waitFor();
  await page.goto(`/incidents/${incident.number}`);
  expect(await page.locator('.maintenance-badge').textContent()).toBe('maintenance');

  // End now: it still fires, so it pages
  await page.locator('.maintenance-badge').click();
  await page.getByRole('button', { name: 'End now' }).click();
  await page.getByText('not active').waitFor();
  await eventually('the page to go out', async () => {
    const r = await web.api.db.pool.query(`SELECT 1 FROM notifications WHERE incident_id = $1`, [incident.id]);
    return (r.rowCount ?? 0) > 0;
  }, { timeoutMs: 60_000 });
  await expect.poll(() => page.getByRole('table', { name: 'Incidents held back' }).textContent(), { timeout: 30_000 }).toContain('still firing at the end: paged then');
});
