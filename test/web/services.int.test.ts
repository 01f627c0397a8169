import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, signInAs, startWeb, type WebWorld } from './browser';

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

  it('a lead creates a service: the team is theirs, a policy or "page nobody" must be chosen, labels are chips, every problem sits under its field; then a key whose secret works and is shown once', async () => {
    const lead = await web.api.createUser({ name: 'Lena Lead', teams: { [teamId]: 'lead' } });
    const page = await web.newPage(DESKTOP);
    await signInAs(page, lead);
    await page.goto('/services');
    await page.getByRole('button', { name: 'New service' }).click();
    // one team: it is the default
    expect(await page.getByLabel('Team').locator('option:checked').textContent()).toBe('Storage');
    // no policy and no "page nobody": refused under the policy field, without a banner
    await page.getByLabel('Name', { exact: true }).fill('object-store');
    await page.getByRole('button', { name: 'Create service' }).click();
    await page.getByText('Choose an escalation policy, or choose “Page nobody” if no one should be notified.').waitFor();
    expect(await page.locator('.form-error').count()).toBe(0);

    // labels as chips: "alert name" is refused with why, node and cluster become chips
    const labels = page.getByLabel('Group alerts by labels');
    await labels.fill('alert name');
    await labels.press('Enter');
    await page.getByText('“alert name” has a space').waitFor();
    await labels.fill('node');
    await labels.press('Enter');
    await labels.fill('cluster');
    await labels.press('Enter');
    await page.getByRole('button', { name: 'Remove label node' }).waitFor();
    await page.getByRole('button', { name: 'Remove label cluster' }).waitFor();
    expect(await page.getByText('has a space').count()).toBe(0);

    // two problems the API finds: both at once, each under its field, in plain words, no banner
    await page.getByRole('radio', { name: /Page nobody/ }).check();
    await page.getByLabel('Name', { exact: true }).fill('');
    await page.getByLabel('Re-trigger acknowledged incidents after (minutes)').fill('soon');
    await page.getByRole('button', { name: 'Create service' }).click();
    await expect.poll(() => page.locator('.field-error').count()).toBe(2);
    const messages = (await page.locator('.field-error').allTextContents()).join(' | ');
    expect(messages).not.toMatch(/ackTimeoutMinutes|Request body|\bname\b/);
    expect(await page.locator('.form-error').count()).toBe(0);
    expect(await page.locator('#field-name').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#field-ackTimeoutMinutes').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Name', { exact: true }).fill('object-store');
    await page.getByLabel('Re-trigger acknowledged incidents after (minutes)').fill('');
    await page.getByRole('button', { name: 'Create service' }).click();
    await page.getByRole('heading', { name: 'object-store', level: 1 }).waitFor();
    // chosen on purpose, still said loudly on the service's page, with the way out
    await page.getByText('This service pages nobody.').waitFor();
    await page.getByRole('link', { name: 'Set an escalation policy' }).click();
    await page.getByRole('heading', { name: 'Edit service' }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    const serviceId = new URL(page.url()).pathname.split('/').pop()!;
    const stored = await web.api.admin('GET', `/api/v1/services/${serviceId}`);
    expect(stored.body).toMatchObject({ name: 'object-store', teamId, groupBy: ['node', 'cluster'], escalationPolicyId: null });

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

  it('on a phone, a lead creates a service with a policy: no "pages nobody" banner, and the label chips fit the screen', async () => {
    const lead = await web.api.createUser({ name: 'Pia Phone', teams: { [teamId]: 'lead' } });
    const created = await web.api.admin('POST', '/api/v1/escalation-policies', { name: 'Storage first line', teamId, repeat: 0, steps: [{ delayMinutes: 30, targets: [{ type: 'user', id: lead.id }] }] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const policy = created.body;
    const page = await web.newPage(PHONE);
    await signInAs(page, lead);
    await page.goto('/services');
    await page.getByRole('button', { name: 'New service' }).click();
    await page.getByLabel('Name', { exact: true }).fill('phone-store');
    await page.getByLabel('Escalation policy', { exact: true }).selectOption({ label: 'Storage first line' });
    const labels = page.getByLabel('Group alerts by labels');
    await labels.fill('9lives');
    await labels.press('Enter');
    await page.getByText('“9lives” starts with a digit').waitFor();
    await labels.fill('alertname');
    // still typed, not yet a chip: added when the form is sent
    await page.getByRole('button', { name: 'Create service' }).click();
    await page.getByRole('heading', { name: 'phone-store', level: 1 }).waitFor();
    expect(await page.getByText('This service pages nobody.').count()).toBe(0);
    const serviceId = new URL(page.url()).pathname.split('/').pop()!;
    const stored = await web.api.admin('GET', `/api/v1/services/${serviceId}`);
    expect(stored.body).toMatchObject({ teamId, escalationPolicyId: policy.id, groupBy: ['alertname'] });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
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
