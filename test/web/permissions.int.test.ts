import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, signInAs, startWeb, type WebWorld } from './browser';

describe('what a user may not do is hidden; the API says why if reached (web UI)', () => {
  let web: WebWorld;
  let teamId: string;
  beforeAll(async () => {
    web = await startWeb();
    teamId = (await web.api.admin('POST', '/api/v1/teams', { name: 'Search' })).body.id;
  });
  afterAll(async () => {
    await web?.close();
  });

  it('a responder sees no audit log in the menu (phone), and opening it by URL shows the API’s 403 reason', async () => {
    const rita = await web.api.createUser({ name: 'Rita Responder', teams: { [teamId]: 'responder' } });
    const page = await web.newPage(PHONE);
    await signInAs(page, rita);
    await page.getByRole('button', { name: 'Menu' }).click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Incidents' }).waitFor();
    for (const name of ['Schedules', 'Escalation policies', 'Services', 'Users', 'Teams']) {
      expect(await nav.getByRole('link', { name }).count(), name).toBe(1);
    }
    expect(await nav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await nav.getByRole('button', { name: 'Sign out' }).waitFor();

    await page.goto('/audit-log');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Only admins can read the audit log');
  });

  it('an admin pages through the audit log', async () => {
    const admin = await web.api.createUser({ name: 'Ada Admin', role: 'admin' });
    for (let i = 0; i < 55; i += 1) await web.api.admin('POST', '/api/v1/teams', { name: `Team ${i}` });
    const page = await web.newPage();
    await signInAs(page, admin);
    // at 1280 px the whole menu of an admin (every entry, the name, the role and Sign out) is one row
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'Sign out' }).waitFor();
    const tops = await nav.locator('a, button').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2)));
    expect(tops.length).toBeGreaterThanOrEqual(12);
    expect(Math.max(...tops) - Math.min(...tops), `centres of the menu's entries: ${tops.join(', ')}`).toBeLessThanOrEqual(4);
    await nav.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await expect.poll(() => page.locator('.audit-entry').count()).toBe(50);
    await page.getByRole('button', { name: 'Older entries' }).click();
    await expect.poll(() => page.locator('.audit-entry').count()).toBeGreaterThan(55);
  });

  it('a lead changes the members of their team; a responder sees the team without controls', async () => {
    const lead = await web.api.createUser({ name: 'Lena Lead', teams: { [teamId]: 'lead' } });
    const newcomer = await web.api.createUser({ name: 'Nico Newcomer' });
    const page = await web.newPage();
    await signInAs(page, lead);
    await page.goto(`/teams/${teamId}`);
    await page.getByRole('heading', { name: 'Search' }).waitFor();
    await page.getByLabel('Add a person').selectOption({ label: `Nico Newcomer (${newcomer.email})` });
    await page.getByLabel('as', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'Add member' }).click();
    // saved as changed (ha: no "Save team" for membership)
    await page.locator('.add-member').getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.getByLabel('Role of Rita Responder').selectOption('lead');
    await page.locator('li.member', { hasText: 'Rita Responder' }).getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const team = await web.api.admin('GET', `/api/v1/teams/${teamId}`);
    const roles = Object.fromEntries(team.body.members.map((m: { name: string; role: string }) => [m.name, m.role]));
    expect(roles).toMatchObject({ 'Lena Lead': 'lead', 'Rita Responder': 'lead', 'Nico Newcomer': 'viewer' });

    const nicoPage = await web.newPage();
    await signInAs(nicoPage, newcomer);
    await nicoPage.goto(`/teams/${teamId}`);
    await nicoPage.getByRole('heading', { name: 'Members (3)' }).waitFor();
    expect(await nicoPage.getByRole('button', { name: 'Rename' }).count()).toBe(0);
    expect(await nicoPage.getByRole('button', { name: 'Add member' }).count()).toBe(0);
  });
});
