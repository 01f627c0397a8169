import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWeb, type WebWorld } from './browser';

describe('signing in (web UI)', () => {
  let web: WebWorld;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('a wrong password shows the API message and stays on the sign-in page; the right one lands on incidents', async () => {
    const user = await web.api.createUser({ name: 'Rita Responder' });
    const page = await web.newPage();
    await page.goto('/incidents');
    // not signed in: the app sends the visitor to the sign-in page
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Wrong email or password');
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/incidents');
    await expect.poll(() => page.getByRole('navigation', { name: 'Main' }).textContent()).toContain('Rita Responder');

    // signing out ends the session: the app is closed to this browser again
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.goto('/incidents/1');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/incidents/1');
  });
});
