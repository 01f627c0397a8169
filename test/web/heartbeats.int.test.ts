// The heartbeats of a service in the web UI, in real Chromium: a lead creates
// one and sees its full ping URL and curl line once (the URL works), the list
// shows status, last ping and the masked URL; rotating shows the new URL once
// and the old one stops working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, startWeb, type WebWorld } from './browser';

describe('heartbeats (web UI)', () => {
  let web: WebWorld;
  let teamId: string;
  beforeAll(async () => {
    web = await startWeb();
    teamId = (await web.api.admin('POST', '/api/v1/teams', { name: 'Backups' })).body.id;
  });
  afterAll(async () => {
    await web?.close();
  });

  it('a lead creates a heartbeat (URL and curl shown once), pings it, sees it up with the URL masked, rotates it', async () => {
    const service = (await web.api.admin('POST', '/api/v1/services', { name: 'backup-runner', teamId })).body;
    const lead = await web.api.createUser({ name: 'Lena Lead', teams: { [teamId]: 'lead' } });
    const page = await web.newPage();
    await signInAs(page, lead);
    await page.goto(`/services/${service.id}`);
    await page.getByRole('heading', { name: 'Heartbeats' }).waitFor();
    await page.getByText('No heartbeats on this service.').waitFor();

    // a bad interval is named next to its field
    await page.getByLabel('Heartbeat name').fill('nightly-backup');
    await page.getByLabel('Interval (seconds)').fill('30');
    await page.getByRole('button', { name: 'Create heartbeat' }).click();
    await expect.poll(() => page.locator('.field-error').allTextContents()).toContain('Must be at least 60 (seconds)');

    await page.getByLabel('Interval (seconds)').fill('86400');
    await page.getByLabel('Grace (seconds)').fill('3600');
    await page.getByRole('button', { name: 'Create heartbeat' }).click();
    const url = (await page.getByLabel('Ping URL', { exact: true }).textContent())!;
    expect(url).toMatch(/\/api\/v1\/heartbeats\/hb_[A-Za-z0-9_-]+\/ping$/);
    expect(await page.getByLabel('curl line', { exact: true }).textContent()).toContain(`curl -fsS -m 10 --retry 3 -X POST ${url}`);
    const row = page.locator('tr[data-heartbeat="nightly-backup"]');
    await expect.poll(() => row.textContent()).toContain('new');
    expect(await row.textContent()).toContain('1 d + 1 h grace');
    expect(await row.textContent()).toContain('never');

    // the URL works (cron's curl), and the list shows it up; the masked URL never holds the token
    const token = url.split('/').at(-2)!;
    expect((await web.api.request('POST', `/api/v1/heartbeats/${token}/ping`)).status).toBe(200);
    await page.getByRole('button', { name: 'I have copied it, hide the URL' }).click();
    expect(await page.getByLabel('Ping URL', { exact: true }).count()).toBe(0);
    await page.reload();
    await expect.poll(() => row.locator('.badge').textContent()).toBe('up');
    expect(await row.textContent()).not.toContain('never');
    const masked = (await row.locator('code').textContent())!;
    expect(masked).toContain(`${token.slice(0, 8)}…/ping`);
    expect(masked).not.toContain(token);
    expect(await page.content()).not.toContain(token);

    // rotate: the new URL once, the old one answers 404
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Rotate the URL of nightly-backup' }).click();
    await page.getByText('New ping URL for “nightly-backup”: copy it now').waitFor();
    const rotated = (await page.getByLabel('Ping URL', { exact: true }).textContent())!;
    expect(rotated).not.toBe(url);
    expect((await web.api.request('POST', `/api/v1/heartbeats/${token}/ping`)).status).toBe(404);
    expect((await web.api.request('POST', `/api/v1/heartbeats/${rotated.split('/').at(-2)!}/ping`)).status).toBe(200);
  });

  it('a lead creates an Alertmanager key whose Watchdog pings a heartbeat, and is warned about a too short interval', async () => {
    const service = (await web.api.admin('POST', '/api/v1/services', { name: 'prom-prod', teamId })).body;
    expect((await web.api.admin('POST', '/api/v1/heartbeats', { serviceId: service.id, name: 'prod-prometheus', intervalSeconds: 60 })).status).toBe(201);
    const lead = await web.api.createUser({ name: 'Lars Lead', teams: { [teamId]: 'lead' } });
    const page = await web.newPage();
    await signInAs(page, lead);
    await page.goto(`/services/${service.id}`);
    await page.getByLabel('Heartbeat its Watchdog pings').selectOption({ label: 'prod-prometheus' });
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = (await page.getByLabel('Integration key secret').textContent())!;
    await page.getByText('Its Watchdog alerts ping heartbeat “prod-prometheus” and open no incidents.').waitFor();
    expect(await page.getByText(/^Warning: heartbeat 'prod-prometheus' misses 60 s after a ping/).count()).toBe(1);
    expect(await page.locator('table.stack').first().textContent()).toContain('Watchdog → heartbeat prod-prometheus');
    // the key's Watchdog is a ping
    const watchdog = {
      version: '4', groupKey: '{}:{alertname="Watchdog"}', status: 'firing', receiver: 'heinrich', truncatedAlerts: 0,
      groupLabels: {}, commonLabels: {}, commonAnnotations: {}, externalURL: 'http://am',
      alerts: [{ status: 'firing', labels: { alertname: 'Watchdog' }, annotations: {}, startsAt: new Date().toISOString(), endsAt: '0001-01-01T00:00:00Z', generatorURL: '', fingerprint: 'dddd' }],
    };
    expect((await web.api.post('/api/v1/integrations/alertmanager', watchdog, secret)).body).toMatchObject({ alertsHeartbeat: 1, heartbeat: { signal: 'ping', status: 'up' } });
    await page.reload();
    await expect.poll(() => page.locator('tr[data-heartbeat="prod-prometheus"] .badge').textContent()).toBe('up');
  });

  it('a responder sees the list but no create, rotate or delete controls', async () => {
    const service = (await web.api.admin('POST', '/api/v1/services', { name: 'report-cron', teamId })).body;
    expect((await web.api.admin('POST', '/api/v1/heartbeats', { serviceId: service.id, name: 'weekly-report', intervalSeconds: 604800 })).status).toBe(201);
    const rita = await web.api.createUser({ name: 'Rita Responder', teams: { [teamId]: 'responder' } });
    const page = await web.newPage();
    await signInAs(page, rita);
    await page.goto(`/services/${service.id}`);
    await page.locator('tr[data-heartbeat="weekly-report"]').waitFor();
    expect(await page.locator('tr[data-heartbeat="weekly-report"]').textContent()).toContain('7 d');
    expect(await page.getByRole('button', { name: 'Create heartbeat' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Rotate the URL of weekly-report' }).count()).toBe(0);
  });
});
