import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, startWeb, type WebWorld } from './browser';

describe('services and integration keys (web UI)', () => {
  let web: WebWorld;
  let teamId: string;
  beforeAll(async () => {
    web = await startWeb();
    teamId = (await web.api.admin('POST', '/api/v1/teams', { name: 'Storage' })).body.id;
  });
  afterAll(async () => {
    await web?.close();
  });

  it('a lead creates a service (a bad label is named next to its field), then a key whose secret works and is shown once', async () => {
    const lead = await web.api.createUser({ name: 'Lena Lead', teams: { [teamId]: 'lead' } });
    const page = await web.newPage();
    await signInAs(page, lead);
    await page.goto('/services');
    await page.getByRole('button', { name: 'New service' }).click();
    await page.getByLabel('Name', { exact: true }).fill('object-store');
    await page.getByLabel('Team').selectOption({ label: 'Storage' });
    await page.getByLabel('Group alerts by labels').fill('node, 9lives');
    await page.getByRole('button', { name: 'Create service' }).click();
    await expect.poll(() => page.locator('.field-error').allTextContents()).toContain('Label 2: must be a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*)');

    await page.getByLabel('Group alerts by labels').fill('node, cluster');
    await page.getByRole('button', { name: 'Create service' }).click();
    await page.getByRole('heading', { name: 'object-store', level: 1 }).waitFor();
    const serviceId = new URL(page.url()).pathname.split('/').pop()!;
    const stored = await web.api.admin('GET', `/api/v1/services/${serviceId}`);
    expect(stored.body).toMatchObject({ name: 'object-store', teamId, groupBy: ['node', 'cluster'] });

    await page.getByLabel('Key name').fill('prod');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = (await page.getByLabel('Integration key secret').textContent())!;
    expect(secret).toMatch(/^hk_/);
    expect(await page.getByLabel('Configuration example').textContent()).toContain(`credentials: ${secret}`);
    // the key works: Alertmanager-style post opens an incident
    const sent = await web.api.post(
      '/api/v1/integrations/alertmanager',
      {
        version: '4', groupKey: '{}:{alertname="DiskFull"}', status: 'firing', receiver: 'heinrich', truncatedAlerts: 0,
        groupLabels: { alertname: 'DiskFull' }, commonLabels: {}, commonAnnotations: {}, externalURL: 'http://am',
        alerts: [{ status: 'firing', labels: { alertname: 'DiskFull', node: 'n1' }, annotations: {}, startsAt: new Date().toISOString(), endsAt: '0001-01-01T00:00:00Z', generatorURL: '', fingerprint: 'abc123' }],
      },
      secret,
    );
    expect(sent.status).toBeLessThan(300);

    await page.getByRole('button', { name: 'I have copied it, hide the key' }).click();
    expect(await page.getByLabel('Integration key secret').count()).toBe(0);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Revoke key prod' }).click();
    await page.getByText('No active integration keys').waitFor();
  });

  it('a responder sees the service but no edit controls', async () => {
    const service = (await web.api.admin('POST', '/api/v1/services', { name: 'blob-gc', teamId })).body;
    const rita = await web.api.createUser({ name: 'Rita Responder', teams: { [teamId]: 'responder' } });
    const page = await web.newPage();
    await signInAs(page, rita);
    await page.goto('/services');
    await page.getByRole('link', { name: 'blob-gc' }).waitFor();
    expect(await page.getByRole('button', { name: 'New service' }).count()).toBe(0);
    await page.goto(`/services/${service.id}`);
    await page.getByRole('heading', { name: 'blob-gc' }).waitFor();
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Create key' }).count()).toBe(0);
  });
});
