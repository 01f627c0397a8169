import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, signInAs, startWeb, type WebWorld } from './browser';

describe('incidents (web UI)', () => {
  let web: WebWorld;
  let teamId: string;
  let serviceId: string;

  beforeAll(async () => {
    web = await startWeb();
    const team = await web.api.admin('POST', '/api/v1/teams', { name: 'Payments' });
    teamId = team.body.id;
    const service = await web.api.admin('POST', '/api/v1/services', { name: 'checkout', teamId, urgency: 'high' });
    serviceId = service.body.id;
  });
  afterAll(async () => {
    await web?.close();
  });

  async function openIncident(title: string): Promise<{ id: string; number: number }> {
    const res = await web.api.admin('POST', '/api/v1/incidents', { serviceId, title, severity: 'critical' });
    expect(res.status).toBe(201);
    return res.body;
  }

  it('a responder acknowledges an incident on the incident page (phone) and the page shows it without a reload', async () => {
    const rita = await web.api.createUser({ name: 'Rita Responder', teams: { [teamId]: 'responder' } });
    const incident = await openIncident('Checkout is down for EU customers');
    const page = await web.newPage(PHONE);
    await signInAs(page, rita);
    await page.goto(`/incidents/${incident.number}`);
    await page.getByRole('heading', { name: `#${incident.number} Checkout is down for EU customers` }).waitFor();
    await expect.poll(() => page.locator('.incident-head .status').textContent()).toBe('triggered');

    // nothing on the page reloads: a marker on window survives only without navigation
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.getByRole('button', { name: 'Acknowledge' }).click();

    await expect.poll(() => page.locator('.incident-head .status').textContent()).toBe('acknowledged');
    const timeline = page.getByRole('list', { name: 'Timeline events' });
    await expect.poll(() => timeline.textContent()).toContain('Acknowledged by Rita Responder');
    await expect.poll(() => page.locator('.incident-head').textContent()).toContain('by Rita Responder');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    // acknowledged: the button is gone, Resolve stays
    expect(await page.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Resolve' }).waitFor();

    // and the API agrees
    const after = await web.api.admin('GET', `/api/v1/incidents/${incident.id}`);
    expect(after.body.status).toBe('acknowledged');
    expect(after.body.acknowledgedBy).toBe(`user:${rita.id}`);
  });

  it('the incident list shows a new incident without a reload, and acknowledging it from the list (select, Acknowledge selected) works', async () => {
    const lead = await web.api.createUser({ name: 'Lena Lead', teams: { [teamId]: 'lead' } });
    const page = await web.newPage();
    await signInAs(page, lead);
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));

    const incident = await openIncident('Payment provider timeouts');
    const link = page.getByRole('link', { name: `#${incident.number} Payment provider timeouts` });
    await link.waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);

    // no Acknowledge button per row (issue 22): select it, then Acknowledge selected
    await page.getByRole('checkbox', { name: `Select #${incident.number}` }).check();
    await page.getByRole('button', { name: 'Acknowledge selected (1)' }).click();
    await page.getByText('Acknowledged 1 incident.').waitFor();
    await expect
      .poll(() => page.getByRole('row').filter({ has: link }).locator('.status').textContent())
      .toBe('acknowledged');
    expect((await web.api.admin('GET', `/api/v1/incidents/${incident.id}`)).body.status).toBe('acknowledged');
  });

  it('a viewer sees the incident but no actions', async () => {
    const vic = await web.api.createUser({ name: 'Vic Viewer', teams: { [teamId]: 'viewer' } });
    const incident = await openIncident('Refunds are slow');
    const page = await web.newPage();
    await signInAs(page, vic);
    await page.goto(`/incidents/${incident.number}`);
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    expect(await page.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    expect(await page.getByText('responders and leads of its service\'s team act on it').count()).toBe(1);
  });

  it('a flapping incident carries a "flapping" badge in the list and on its page', async () => {
    const key = await web.api.admin('POST', `/api/v1/services/${serviceId}/integration-keys`, { type: 'alertmanager' });
    expect(key.status).toBe(201);
    const labels = { alertname: 'DiskLatencyHigh', node: 'd01' };
    const notification = (status: 'firing' | 'resolved', startsAt: string) => ({
      version: '4',
      status,
      receiver: 'heinrich',
      groupKey: '{}:{alertname="DiskLatencyHigh", node="d01"}',
      groupLabels: labels,
      commonLabels: labels,
      commonAnnotations: {},
      externalURL: 'http://alertmanager.test',
      truncatedAlerts: 0,
      alerts: [{ status, labels, annotations: {}, startsAt, endsAt: status === 'firing' ? '0001-01-01T00:00:00Z' : new Date().toISOString(), generatorURL: '', fingerprint: 'f1a9f1a9f1a9f1a9' }],
    });
    // firing, resolved, firing, resolved: the 4th state change starts the flapping and keeps the 2nd incident open
    const first = new Date(Date.now() - 60_000).toISOString();
    const second = new Date(Date.now() - 30_000).toISOString();
    for (const body of [notification('firing', first), notification('resolved', first), notification('firing', second), notification('resolved', second)]) {
      expect((await web.api.post('/api/v1/integrations/alertmanager', body, key.body.key)).status).toBe(200);
    }
    const list = (await web.api.admin('GET', `/api/v1/incidents?serviceId=${serviceId}`)).body.items as { number: number; title: string; flapping: boolean }[];
    const flapping = list.find((i) => i.flapping)!;
    expect(flapping).toBeDefined();

    const lead = await web.api.createUser({ name: 'Fiona Lead', teams: { [teamId]: 'lead' } });
    const page = await web.newPage();
    await signInAs(page, lead);
    const link = page.getByRole('link', { name: `#${flapping.number} ${flapping.title}` });
    await link.waitFor({ timeout: 30_000 });
    expect(await page.getByRole('row').filter({ has: link }).locator('.badge').textContent()).toBe('flapping');
    await link.click();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    expect(await page.locator('.incident-head .badge').textContent()).toBe('flapping');
  });
});
