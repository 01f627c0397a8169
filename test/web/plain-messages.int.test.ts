// Messages for humans (issue 22): the audit log in words (action names, names
// instead of ids, a field-by-field diff), the accept-invite page naming whose
// account it is, in real Chromium against the real api.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpResult } from '../support/api-server';
import { DESKTOP, PHONE, signInAs, startWeb, type WebWorld } from './browser';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('plain messages (web UI)', () => {
  let web: WebWorld;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('the audit log names actions, people and things, and shows only the changed fields', async () => {
    const ok = async (res: Promise<HttpResult>) => {
      const r = await res;
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
      return r.body;
    };
    const team = await ok(web.api.admin('POST', '/api/v1/teams', { name: 'Payments' }));
    const ada = await web.api.createUser({ name: 'Ada Admin', role: 'admin', teams: { [team.id]: 'lead' } });
    const bob = await web.api.createUser({ name: 'Bob Example' });
    const policy = await ok(ada.call('POST', '/api/v1/escalation-policies', { name: 'Payments on call', teamId: team.id, repeat: 0, steps: [{ delayMinutes: 5, targets: [{ type: 'user', id: ada.id }] }] }));
    await ok(ada.call('PATCH', `/api/v1/escalation-policies/${policy.id}`, { repeat: 1, steps: [{ delayMinutes: 10, targets: [{ type: 'user', id: bob.id }] }] }));

    const page = await web.newPage(DESKTOP);
    await signInAs(page, ada);
    await page.goto('/audit-log');
    const entry = page.locator('.audit-entry').filter({ hasText: 'Escalation policy updated: Payments on call' });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('by Ada Admin signed in');
    const rows = await entry.getByRole('table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent)));
    expect(rows).toEqual([
      ['Repeat', '0', '1'],
      ['Step 1 › Delay minutes', '5', '10'],
      ['Step 1 › Target 1 › Id', 'Ada Admin', 'Bob Example'],
    ]);
    // fields in path order (jsonb keeps no key order)
    // a created thing: its settings folded, by name
    const created = page.locator('.audit-entry').filter({ hasText: 'Escalation policy created: Payments on call' });
    await created.getByText(/^Settings it was created with/).click();
    expect(await created.getByRole('table').textContent()).toContain('Payments');
    // the filter is in words; no id anywhere on the page
    expect(await page.getByLabel('What changed').locator('option').allTextContents()).toContain('Escalation policies');
    for (const d of await page.locator('details').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
    expect(await page.locator('main').innerText()).not.toMatch(UUID);
    expect(await page.locator('main').innerText()).not.toMatch(/escalation_policy|\.update\b/);
    await page.context().close();
  });

  it('the accept-invite page says whose account it is; a used link says so and shows no form', async () => {
    const user = (await web.api.admin('POST', '/api/v1/users', { name: 'Alice Example', email: 'alice@example.test' })).body;
    const invite = (await web.api.admin('POST', `/api/v1/users/${user.id}/invite`)).body;
    const page = await web.newPage(PHONE);
    await page.goto(`/accept-invite#token=${invite.token}`);
    await expect.poll(() => page.locator('#invite-for').textContent()).toBe('Set a password for Alice Example (alice@example.test).');
    expect(await page.getByRole('form', { name: /Set a password for Alice Example/ }).count()).toBe(1);
    await page.getByLabel('New password').fill('a long enough password');
    await page.getByLabel('Repeat the password').fill('a long enough password');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();

    const again = await web.newPage(PHONE);
    await again.goto(`/accept-invite#token=${invite.token}`);
    await expect.poll(() => again.getByRole('alert').textContent()).toContain('This invite link is invalid, expired or already used');
    expect(await again.getByLabel('New password').count()).toBe(0);
    expect(await again.locator('main').textContent()).not.toContain('Alice');
    await page.context().close();
    await again.context().close();
  });

  it('team membership saves as it is changed: each change one call, "Saved" or the error under it, kept on reload', async () => {
    const team = (await web.api.admin('POST', '/api/v1/teams', { name: 'Checkout' })).body;
    const lead = await web.api.createUser({ name: 'Lena Lead', teams: { [team.id]: 'lead' } });
    const nico = await web.api.createUser({ name: 'Nico Newcomer' });
    const gone = await web.api.createUser({ name: 'Gina Gone' });
    const page = await web.newPage(PHONE);
    await signInAs(page, lead);
    await page.goto(`/teams/${team.id}`);
    await page.getByRole('heading', { name: 'Members (1)' }).waitFor();
    // membership has no Save button (the team's time zone and digest below have their own form)
    expect(await page.getByRole('region', { name: /^Members/ }).getByRole('button', { name: /Save/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save team' }).count()).toBe(0);
    const patches: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'PATCH') patches.push(r.url());
    });

    await page.getByLabel('Add a person').selectOption({ label: `Nico Newcomer (${nico.email})` });
    await page.getByLabel('as', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.locator('.add-member').getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.getByLabel('Role of Nico Newcomer').selectOption('responder');
    await page.locator('li.member', { hasText: 'Nico Newcomer' }).getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect(patches).toHaveLength(2);
    // a reload loses nothing
    await page.reload();
    await page.getByRole('heading', { name: 'Members (2)' }).waitFor();
    expect(await page.getByLabel('Role of Nico Newcomer').inputValue()).toBe('responder');
    const saved = (await web.api.admin('GET', `/api/v1/teams/${team.id}`)).body.members.map((m: { name: string; role: string }) => `${m.name}:${m.role}`);
    expect(saved.sort()).toEqual(['Lena Lead:lead', 'Nico Newcomer:responder']);

    // a change the API refuses: the person was deleted meanwhile; the error is under the add, the list as saved
    await page.getByLabel('Add a person').selectOption({ label: `Gina Gone (${gone.email})` });
    expect((await web.api.admin('DELETE', `/api/v1/users/${gone.id}`)).status).toBe(204);
    await page.getByRole('button', { name: 'Add member' }).click();
    const refused = page.locator('.add-member').getByRole('alert');
    await refused.waitFor();
    expect(await refused.textContent()).toBe('What was chosen here no longer exists (deleted meanwhile?): reload the page and choose again.');
    await page.getByRole('heading', { name: 'Members (2)' }).waitFor();
    await page.context().close();
  });
});
