// Schedules in the real UI (Chromium) against the real api, Postgres and Redis:
// a team lead creates a weekly rotation of three people, adds an override in
// their own zone, previews a reorder of the rotation, saves it and sees the
// timeline; a responder of another team sees no edit controls, and the API
// refuses their direct call with their browser session.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localInputToIso, wallClockOf } from '../../apps/web/src/lib/time';
import { DESKTOP, PHONE, signInAs, startWeb, type WebWorld } from './browser';

const ZONE = 'Europe/Berlin';

/** signInAs waits for Sign out, which a phone keeps in the closed menu: wait for the menu button instead. */
async function signInOnPhone(page: Page, user: { email: string; password: string }) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Menu' }).waitFor();
}

describe('schedules (web UI)', () => {
  let web: WebWorld;
  let teamId: string;
  let otherTeamId: string;
  let scheduleId: string;
  let lead: Awaited<ReturnType<WebWorld['api']['createUser']>>;
  let outsider: Awaited<ReturnType<WebWorld['api']['createUser']>>;
  const responders: Awaited<ReturnType<WebWorld['api']['createUser']>>[] = [];

  beforeAll(async () => {
    web = await startWeb();
    teamId = (await web.api.admin('POST', '/api/v1/teams', { name: 'Payments' })).body.id;
    otherTeamId = (await web.api.admin('POST', '/api/v1/teams', { name: 'Search' })).body.id;
    lead = await web.api.createUser({ name: 'Lena Lead', teams: { [teamId]: 'lead' } });
    for (const name of ['Bob', 'Carol', 'Dave']) responders.push(await web.api.createUser({ name, teams: { [teamId]: 'responder' } }));
    outsider = await web.api.createUser({ name: 'Rob Outsider', teams: { [otherTeamId]: 'responder' } });
  });
  afterAll(async () => {
    await web?.close();
  });

  const finalRow = (page: Page) => page.getByRole('list', { name: 'On call (final)' });

  it('a team lead creates a weekly rotation of three, adds an override, previews a change, saves it and sees the timeline', async () => {
    const page = await web.newPage(undefined, { timezoneId: ZONE });
    await signInAs(page, lead);
    await page.goto('/schedules');
    await page.getByRole('button', { name: 'New schedule' }).click();

    const form = page.getByRole('form', { name: 'New schedule' });
    await form.getByLabel('Name', { exact: true }).fill('Payments primary');
    await form.getByLabel('Team', { exact: true }).selectOption({ label: 'Payments' });
    expect(await form.getByLabel('Time zone', { exact: true }).inputValue()).toBe(ZONE);
    for (const name of ['Bob', 'Carol', 'Dave']) {
      await form.getByLabel('Add member').selectOption({ label: name });
      await form.getByRole('button', { name: 'Add to rotation' }).click();
    }
    expect(await form.getByLabel('Rotation', { exact: true }).inputValue()).toBe('weekly');
    // a new schedule is previewed like an edit before it can be created
    expect(await form.getByRole('button', { name: /^Create/ }).count()).toBe(0);
    await form.getByRole('button', { name: 'Preview' }).click();
    await form.getByRole('heading', { name: /Preview: the next 4 weeks/ }).waitFor();
    await form.getByRole('row', { name: /Bob/ }).waitFor();
    await form.getByRole('button', { name: /^Create (schedule|anyway, with gaps)$/ }).click();

    await page.getByRole('heading', { name: 'Payments primary', level: 1 }).waitFor();
    scheduleId = new URL(page.url()).pathname.split('/').pop()!;
    await expect.poll(() => page.getByText(/Times in Europe\/Berlin \(your zone\)/).count()).toBe(1);
    const saved = (await web.api.admin('GET', `/api/v1/schedules/${scheduleId}`)).body;
    expect(saved.layers[0].rotation).toEqual({ type: 'weekly', shiftLength: 1 });
    expect(saved.layers[0].start).toMatch(/T09:00:00\+01:00$/);
    expect(saved.layers[0].members).toHaveLength(3);
    await expect.poll(() => finalRow(page).textContent()).toContain('Bob');
    // the rotation starts at the coming Monday 09:00 (or today's): until then nobody is on call, and the final row says so
    expect(await finalRow(page).getByRole('listitem').filter({ hasText: 'gap: nobody on call' }).count()).toBeGreaterThan(0);

    // an override for Carol, tomorrow 10:00-14:00 in the viewer's zone
    const tomorrow = wallClockOf(Date.now() + 86_400_000, ZONE).date;
    await page.getByLabel('Who is on call').selectOption({ label: 'Carol' });
    await page.getByLabel(/^From \(your zone/).fill(`${tomorrow}T10:00`);
    await page.getByLabel(/^Until \(your zone/).fill(`${tomorrow}T14:00`);
    await page.getByRole('button', { name: 'Add override' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Current and upcoming overrides' }).textContent()).toContain('Carol');
    const overrides = (await web.api.admin('GET', `/api/v1/schedules/${scheduleId}/overrides`)).body.items;
    expect(overrides.map((o: { start: string; end: string }) => [o.start, o.end])).toEqual([
      [localInputToIso(`${tomorrow}T10:00`, ZONE), localInputToIso(`${tomorrow}T14:00`, ZONE)],
    ]);
    // the timeline's final row shows it, marked as an override
    await expect.poll(() => finalRow(page).getByRole('listitem').filter({ hasText: '(override)' }).textContent()).toContain('Carol');

    // edit: Dave before Carol; the preview shows who is on call instead of whom before saving
    await page.getByRole('button', { name: 'Edit layers' }).click();
    // by keyboard: the move buttons are real buttons
    await page.getByRole('button', { name: 'Move Dave up in Primary' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('button', { name: 'Save layers' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Preview changes' }).click();
    const preview = page.getByRole('region', { name: /Preview: the next 4 weeks/ });
    await preview.waitFor();
    expect(await preview.getByRole('table', { name: 'Hours on call per person' }).textContent()).toContain('Nobody on call (gaps)');
    const changes = await preview.locator('.preview-changes').textContent();
    expect(changes).toContain('Carol → Dave');
    expect(changes).toContain('Dave → Carol');
    await page.getByRole('button', { name: 'Save layers' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect(await page.getByRole('region', { name: 'Layers' }).textContent()).toContain('Bob → Dave → Carol');
    const after = (await web.api.admin('GET', `/api/v1/schedules/${scheduleId}`)).body;
    expect(after.version).toBe(2);
    // the override still wins over the new order
    await expect.poll(() => finalRow(page).getByRole('listitem').filter({ hasText: '(override)' }).textContent()).toContain('Carol');

    // the list says who is on call now and next
    await page.getByRole('link', { name: 'Schedules' }).first().click();
    const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Payments primary' }) });
    await expect.poll(() => item.textContent()).toMatch(/Next(Bob|Carol)/);
  });

  it('shows API field errors next to the field they concern', async () => {
    const page = await web.newPage(undefined, { timezoneId: ZONE });
    await signInAs(page, lead);
    await page.goto(`/schedules/${scheduleId}`);
    await page.getByRole('button', { name: 'Edit layers' }).click();
    for (const name of ['Bob', 'Dave', 'Carol']) await page.getByRole('button', { name: `Remove ${name} from Primary` }).click();
    await page.getByRole('button', { name: 'Preview changes' }).click();
    const layer = page.getByRole('group', { name: /^Layer 1/ });
    // in plain words, once, under the members: no path, no banner repeating it
    await expect.poll(() => layer.getByRole('alert').first().textContent()).toBe('Add at least one person to this layer.');
    expect(await page.locator('.form-error').count()).toBe(0);
    expect(await page.getByText(/layers\.0|Request body/).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save layers' }).isDisabled()).toBe(true);
  });

  for (const viewport of [DESKTOP, PHONE]) {
    it(`a new schedule with a gap now is warned about before it is created; "Berlin" finds its zone (${viewport.width} px)`, async () => {
      const page = await web.newPage(viewport, { timezoneId: ZONE });
      await signInAs(page, lead);
      await page.goto('/schedules');
      await page.getByRole('button', { name: 'New schedule' }).click();
      const form = page.getByRole('form', { name: 'New schedule' });
      await form.getByLabel('Name', { exact: true }).fill(`Gappy ${viewport.width}`);
      await form.getByLabel('Team', { exact: true }).selectOption({ label: 'Payments' });
      const zone = form.getByRole('combobox', { name: 'Time zone' });
      await zone.fill('Berlin');
      await form.getByRole('option', { name: 'Europe/Berlin' }).click();
      expect(await zone.inputValue()).toBe('Europe/Berlin');
      await form.getByLabel('Add member').selectOption({ label: 'Bob' });
      await form.getByRole('button', { name: 'Add to rotation' }).click();
      // the first shift starts tomorrow: nobody is on call until then
      const tomorrow = wallClockOf(Date.now() + 86_400_000, ZONE).date;
      await form.getByLabel('First shift starts on').fill(tomorrow);
      await form.getByRole('button', { name: 'Preview' }).click();
      const warning = form.getByRole('alert', { name: 'Gaps in the next 14 days' });
      await warning.getByText('Nobody would be on call right now').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await form.getByRole('button', { name: 'Create anyway, with gaps' }).click();
      await page.getByRole('heading', { name: `Gappy ${viewport.width}`, level: 1 }).waitFor();
    });
  }

  it("shows the API's 403 reason when a lead lost the role while editing", async () => {
    const lead2 = await web.api.createUser({ name: 'Lars Lead', teams: { [teamId]: 'lead' } });
    const page = await web.newPage(undefined, { timezoneId: ZONE });
    await signInAs(page, lead2);
    await page.goto(`/schedules/${scheduleId}`);
    await page.getByRole('button', { name: 'Edit layers' }).click();
    await page.getByRole('button', { name: 'Move Carol up in Primary' }).click();
    await page.getByRole('button', { name: 'Preview changes' }).click();
    await page.getByRole('region', { name: /Preview: the next 4 weeks/ }).waitFor();

    // meanwhile an admin makes Lars a responder
    const team = (await web.api.admin('GET', `/api/v1/teams/${teamId}`)).body;
    const members = team.members.map((m: { userId: string; role: string }) => ({ userId: m.userId, role: m.userId === lead2.id ? 'responder' : m.role }));
    expect((await web.api.admin('PATCH', `/api/v1/teams/${teamId}`, { members })).status).toBe(200);

    await page.getByRole('button', { name: 'Save layers' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Not allowed' });
    await expect.poll(() => refused.textContent()).toMatch(/Only leads of team Payments/);
    expect((await web.api.admin('GET', `/api/v1/schedules/${scheduleId}`)).body.version).toBe(2);
  });

  it('a responder of the team takes a shift themselves, and only themselves, and gives it back', async () => {
    const dave = responders[2]!;
    const page = await web.newPage(undefined, { timezoneId: ZONE });
    await signInAs(page, dave);
    await page.goto(`/schedules/${scheduleId}`);
    await page.getByRole('heading', { name: 'Overrides' }).waitFor();
    expect(await page.getByRole('button', { name: 'Edit layers' }).count()).toBe(0);
    const who = page.getByLabel('Who is on call');
    expect(await who.locator('option').allTextContents()).toEqual(['Dave']);
    // someone else's override shows without a Remove button
    expect(await page.getByRole('button', { name: /^Remove override of Carol/ }).count()).toBe(0);

    const day = wallClockOf(Date.now() + 3 * 86_400_000, ZONE).date;
    await page.getByLabel(/^From \(your zone/).fill(`${day}T20:00`);
    await page.getByLabel(/^Until \(your zone/).fill(`${day}T23:00`);
    await page.getByRole('button', { name: 'Add override' }).click();
    const remove = page.getByRole('button', { name: /^Remove override of Dave/ });
    await remove.waitFor();
    await expect.poll(() => finalRow(page).getByRole('listitem').filter({ hasText: '(override)' }).allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Dave')]),
    );
    await remove.click();
    await expect.poll(() => page.getByRole('button', { name: /^Remove override of Dave/ }).count()).toBe(0);
  });

  it('a responder of another team sees no edit controls, and the API refuses their session with 403', async () => {
    const page = await web.newPage(PHONE, { timezoneId: 'America/New_York' });
    await signInOnPhone(page, outsider);
    await page.goto(`/schedules/${scheduleId}`);
    await page.getByRole('heading', { name: 'Payments primary', level: 1 }).waitFor();
    await expect.poll(() => page.getByText('Times in America/New_York (your zone); schedule zone Europe/Berlin').count()).toBe(1);
    // on a phone: the shifts as a list per day, the override marked
    await expect.poll(() => page.locator('.tl-days').textContent()).toContain('override');
    await page.getByRole('heading', { name: 'Overrides' }).waitFor();
    expect(await page.getByRole('button', { name: 'Edit layers' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add override' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Remove override/ }).count()).toBe(0);

    // the same session calling the API directly, as a curious user would from the console
    const answer = await page.evaluate(async (id) => {
      const res = await fetch(`/api/v1/schedules/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Mine now', version: 2 }) });
      return { status: res.status, body: await res.json() };
    }, scheduleId);
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toContain('Payments');
  });
});
