// The escalation policy editor in the real UI (Chromium) against the real api,
// Postgres and Redis: a lead adds a step, saves, and the inline simulation
// (POST /simulate of the saved policy) shows who the new step pages and when;
// a bad target shows the API's message next to it; others see no editor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, signInAs, startWeb, type WebWorld } from './browser';

describe('escalation policies (web UI)', () => {
  let web: WebWorld;
  let policyId: string;
  let scheduleId: string;
  let lead: Awaited<ReturnType<WebWorld['api']['createUser']>>;
  let viewer: Awaited<ReturnType<WebWorld['api']['createUser']>>;

  beforeAll(async () => {
    web = await startWeb();
    const teamId = (await web.api.admin('POST', '/api/v1/teams', { name: 'Payments' })).body.id;
    lead = await web.api.createUser({ name: 'Lena Lead', teams: { [teamId]: 'lead' } });
    viewer = await web.api.createUser({ name: 'Vic Viewer', teams: { [teamId]: 'viewer' } });
    const bob = await web.api.createUser({ name: 'Bob', teams: { [teamId]: 'responder' } });
    await web.api.createUser({ name: 'Carol', teams: { [teamId]: 'responder' } });
    await web.api.admin('POST', `/api/v1/users/${bob.id}/contact-methods`, { type: 'log', value: 'Bob on the log' });
    const schedule = (
      await web.api.admin('POST', '/api/v1/schedules', {
        name: 'Payments primary',
        teamId,
        timeZone: 'Europe/Berlin',
        layers: [{ name: 'Primary', members: [bob.id], rotation: { type: 'weekly', shiftLength: 1 }, start: '2026-01-05T09:00:00+01:00' }],
      })
    ).body;
    scheduleId = schedule.id;
    policyId = (
      await web.api.admin('POST', '/api/v1/escalation-policies', {
        name: 'Payments paging',
        teamId,
        steps: [{ delayMinutes: 5, targets: [{ type: 'schedule', id: schedule.id }] }],
      })
    ).body.id;
  });
  afterAll(async () => {
    await web?.close();
  });

  it('a lead adds a step, saves, and the simulation shows who it pages and when', async () => {
    const page = await web.newPage();
    await signInAs(page, lead);
    await page.goto('/policies');
    await page.getByRole('link', { name: 'Payments paging' }).click();
    await page.getByRole('heading', { name: 'Payments paging', level: 1 }).waitFor();

    const sim = page.getByRole('table', { name: 'Who would be notified, minute by minute' });
    await expect.poll(() => sim.textContent()).toContain('Bob');
    expect(await sim.textContent()).toContain('on call in Payments primary');
    expect(await sim.textContent()).toContain('+0 min');

    await page.getByRole('button', { name: 'Add step' }).click();
    await page.getByLabel('Step 2 target 1: person').selectOption({ label: 'Carol' });
    await page.getByLabel('Step 2: minutes until the next step').fill('10');
    // the API simulates saved policies only: the panel says the draft is not in it
    await expect.poll(() => page.getByRole('status').textContent()).toContain('unsaved changes are not in it');
    await page.getByRole('button', { name: 'Save policy' }).click();

    await expect.poll(() => sim.textContent()).toContain('Carol');
    const carolRow = sim.getByRole('row').filter({ hasText: 'Carol' });
    expect(await carolRow.textContent()).toContain('+5 min');
    expect(await carolRow.textContent()).toContain('Step 2');
    expect(await carolRow.textContent()).toContain('named in the step');
    // Carol has no contact method: the API's warning is shown
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Warnings' }).textContent()).toContain('Carol (step 2) has no usable contact method');
    const saved = (await web.api.admin('GET', `/api/v1/escalation-policies/${policyId}`)).body;
    expect(saved.steps.map((s: { delayMinutes: number }) => s.delayMinutes)).toEqual([5, 10]);
  });

  it("shows the API's message next to the target it concerns", async () => {
    const page = await web.newPage();
    await signInAs(page, lead);
    await page.goto(`/policies/${policyId}`);
    await page.getByRole('button', { name: 'Add target to step 2' }).click();
    await page.getByLabel('Step 2 target 2: kind').selectOption({ label: 'Slack channel' });
    await page.getByLabel('Step 2 target 2: Slack channel id').fill('   ');
    await page.getByRole('button', { name: 'Save policy' }).click();
    const target = page.getByRole('listitem').filter({ has: page.getByLabel('Step 2 target 2: kind') });
    await expect.poll(() => target.getByRole('alert').textContent()).toContain('This can’t be empty.');
  });

  it('a viewer reads the steps and the simulation without an editor', async () => {
    const page = await web.newPage();
    await signInAs(page, viewer);
    await page.goto(`/policies/${policyId}`);
    await expect.poll(() => page.getByRole('table', { name: 'Who would be notified, minute by minute' }).textContent()).toContain('Carol');
    expect(await page.getByRole('button', { name: 'Save policy' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add step' }).count()).toBe(0);
    expect(await page.getByText('Only leads of team Payments and admins can change this policy.').count()).toBe(1);
  });

  it('on a phone every control of the editor stays inside its step (issue 22: the select overflowed its box)', async () => {
    const page = await web.newPage(PHONE);
    await signInAs(page, lead);
    await page.goto(`/policies/${policyId}`);
    await page.getByRole('button', { name: 'Save policy' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const outside = await page.evaluate(() =>
      Array.from(document.querySelectorAll('form select, form input')).flatMap((el) => {
        const box = el.closest('li, fieldset');
        if (!box) return [];
        const a = el.getBoundingClientRect();
        const b = box.getBoundingClientRect();
        return a.right > b.right + 1 || a.left < b.left - 1 ? [`${el.getAttribute('aria-label') ?? el.id}: ${Math.round(a.left)}..${Math.round(a.right)} in ${Math.round(b.left)}..${Math.round(b.right)}`] : [];
      }),
    );
    expect(await page.locator('form li select').count()).toBeGreaterThan(0);
    expect(outside).toEqual([]);
  });

  it("deleting asks first; a schedule a policy pages is refused with the API's reason until the policy is gone", async () => {
    const page = await web.newPage();
    await signInAs(page, lead);
    await page.goto(`/schedules/${scheduleId}`);
    await page.getByRole('button', { name: 'Delete schedule' }).click();
    await page.getByRole('button', { name: 'Yes, delete schedule' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Cannot delete schedule' }).textContent()).toContain('Payments paging');

    await page.goto(`/policies/${policyId}`);
    await page.getByRole('button', { name: 'Delete policy' }).click();
    await page.getByRole('button', { name: 'Keep it' }).click();
    expect((await web.api.admin('GET', `/api/v1/escalation-policies/${policyId}`)).status).toBe(200);
    await page.getByRole('button', { name: 'Delete policy' }).click();
    await page.getByRole('button', { name: 'Yes, delete policy' }).click();
    await page.getByRole('heading', { name: 'Escalation policies', level: 1 }).waitFor();
    await expect.poll(() => page.getByText('No escalation policies yet.').count()).toBe(1);

    await page.goto(`/schedules/${scheduleId}`);
    await page.getByRole('button', { name: 'Delete schedule' }).click();
    await page.getByRole('button', { name: 'Yes, delete schedule' }).click();
    await page.getByRole('heading', { name: 'Schedules', level: 1 }).waitFor();
    expect((await web.api.admin('GET', `/api/v1/schedules/${scheduleId}`)).status).toBe(404);
  });
});
