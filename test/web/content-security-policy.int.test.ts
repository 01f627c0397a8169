// The web UI under its Content-Security-Policy (apps/api/src/http/security-headers.ts),
// in a real Chromium: signing in, the incident list and an incident page (acknowledged
// there), a schedule's timeline (positioned by style props) and a team page load and
// work with no CSP violation reported, neither as a `securitypolicyviolation` event nor
// on the console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signInAs, startWeb, type WebWorld } from './browser';

describe('the web UI under its Content-Security-Policy', () => {
  let web: WebWorld;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(async () => {
    await web?.close();
  });

  /** every violation the page reports, from the event and from the console */
  async function watchViolations(page: Page): Promise<string[]> {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
    });
    await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { reportCspViolation(t: string): void }).reportCspViolation(
          `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
        );
      });
    });
    return violations;
  }

  it('sends the policy with the page', async () => {
    const res = await fetch(`${web.baseUrl}/sign-in`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('signing in, an incident, a schedule and a team raise no violation', async () => {
    const team = (await web.api.admin('POST', '/api/v1/teams', { name: 'Payments' })).body;
    const service = (await web.api.admin('POST', '/api/v1/services', { name: 'checkout', teamId: team.id })).body;
    const rita = await web.api.createUser({ name: 'Rita Responder', teams: { [team.id]: 'lead' } });
    const incident = (await web.api.admin('POST', '/api/v1/incidents', { serviceId: service.id, title: 'Checkout is slow', severity: 'critical' })).body;
    const schedule = await web.api.admin('POST', '/api/v1/schedules', {
      name: 'Payments primary',
      teamId: team.id,
      timeZone: 'Europe/Berlin',
      layers: [{ name: 'weekly', members: [rita.id], rotation: { type: 'weekly', shiftLength: 1 }, start: '2026-03-16T09:00:00+01:00' }],
    });
    expect(schedule.status).toBe(201);

    const page = await web.newPage();
    const violations = await watchViolations(page);
    await signInAs(page, rita);
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
    await page.getByRole('link', { name: /Checkout is slow/ }).first().waitFor();

    await page.goto(`/incidents/${incident.number}`);
    await page.getByRole('heading', { name: `#${incident.number} Checkout is slow` }).waitFor();
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => page.locator('.incident-head .status').textContent()).toBe('acknowledged');

    await page.goto(`/schedules/${schedule.body.id}`);
    await page.locator('.tl-grid').waitFor();
    // the style props took effect: React sets them through the CSSOM, which the policy allows
    expect(await page.locator('.tl-grid').evaluate((el) => (el as HTMLElement).style.width)).toMatch(/^calc\(/);

    await page.goto(`/teams/${team.id}`);
    await page.getByRole('heading', { name: 'Payments', level: 1 }).waitFor();

    expect(violations).toEqual([]);
  });

  it('the watcher sees a violation (it is not blind)', async () => {
    const page = await web.newPage();
    const violations = await watchViolations(page);
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // an inline script, as an injected one would be
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.injected = true';
      document.body.append(s);
    });
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
  });
});
