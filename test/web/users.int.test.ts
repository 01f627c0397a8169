import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, signInAs, startWeb, type WebWorld } from './browser';

describe('users, invites, contact methods and notification rules (web UI)', () => {
  let web: WebWorld;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('an admin creates a user; the invite link lets them set a password and lands them signed in', async () => {
    const admin = await web.api.createUser({ name: 'Ada Admin', role: 'admin' });
    const page = await web.newPage();
    await signInAs(page, admin);
    await page.goto('/users');
    await page.getByRole('button', { name: 'New user' }).click();
    await page.getByLabel('Name').fill('Nina New');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Create and invite' }).click();
    // the API's message for the field, next to it
    await expect.poll(() => page.locator('.field.invalid').count()).toBeGreaterThan(0);
    await page.getByLabel('Email').fill('nina@example.test');
    await page.getByRole('button', { name: 'Create and invite' }).click();
    const link = (await page.getByLabel('Invite link', { exact: true }).textContent())!;
    expect(link).toContain('/accept-invite#token=');

    const nina = await web.newPage();
    await nina.goto(new URL(link).pathname + new URL(link).hash);
    await nina.getByLabel('New password').fill('short');
    await nina.getByLabel('Repeat the password').fill('short');
    await nina.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect.poll(() => nina.locator('.field-error').first().textContent()).toContain('at least 12 characters');
    await nina.getByLabel('New password').fill('a long enough password');
    await nina.getByLabel('Repeat the password').fill('a long enough password');
    await nina.getByRole('button', { name: 'Set password and sign in' }).click();
    await nina.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
  });

  it('a user adds a contact method and a notification rule on their own page; others do not see them', async () => {
    const rita = await web.api.createUser({ name: 'Rita Responder' });
    const page = await web.newPage();
    await signInAs(page, rita);
    await page.goto(`/users/${rita.id}`);
    await page.getByRole('heading', { name: 'Contact methods' }).waitFor();

    await page.getByLabel('Type').selectOption('sms');
    await page.getByLabel('Phone number').fill('12345');
    await page.getByRole('button', { name: 'Add contact method' }).click();
    await expect.poll(() => page.locator('.field.invalid .field-error').textContent()).toContain('E.164');

    await page.getByLabel('Type').selectOption('log');
    await page.getByLabel('Label').fill('rita-laptop');
    await page.getByRole('button', { name: 'Add contact method' }).click();
    await page.getByText('rita-laptop').first().waitFor();
    // without a rule she is still paged, on her first usable method (the demo users have no rules)
    await page.getByText(/No notification rules: a page goes at once to this person.s first usable contact method/).waitFor();

    await page.getByLabel('Minutes after the page').fill('5');
    await page.getByLabel('For incidents of urgency').selectOption('high');
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByText('After 5 min: Log (demo): rita-laptop (high urgency)').waitFor();
    const rules = await rita.call('GET', `/api/v1/users/${rita.id}/notification-rules`);
    expect(rules.body.items).toMatchObject([{ delayMinutes: 5, urgency: 'high' }]);

    const other = await web.api.createUser({ name: 'Otto Other' });
    const otto = await web.newPage();
    await signInAs(otto, other);
    await otto.goto(`/users/${rita.id}`);
    await otto.getByText('Only Rita Responder and admins see these').waitFor();
    expect(await otto.getByText('rita-laptop').count()).toBe(0);
  });

  it('a rule to an unverified number is warned about where it is made, before and after adding it (phone)', async () => {
    const vera = await web.api.createUser({ name: 'Vera Verify' });
    await vera.call('POST', `/api/v1/users/${vera.id}/contact-methods`, { type: 'sms', value: '+14155552671' });
    const page = await web.newPage(PHONE);
    await signInAs(page, vera);
    await page.goto(`/users/${vera.id}`);
    await page.getByRole('heading', { name: 'Add a notification rule' }).waitFor();
    const before = page.getByRole('status', { name: 'Before you add this rule' });
    await before.getByText('This number is not verified yet').waitFor();
    await page.getByRole('button', { name: 'Add rule anyway' }).click();
    // the API's warnings: the number, and no phone provider in this Heinrich
    const after = page.getByRole('status', { name: 'The rule was added, but' });
    await after.getByText('This number is not verified yet').waitFor();
    await after.getByText('Heinrich has no phone provider set up for SMS').waitFor();
    await page.locator('.rule-warning').getByText('This number is not verified yet').waitFor();
    expect((await vera.call('GET', `/api/v1/users/${vera.id}/notification-rules`)).body.items).toHaveLength(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
