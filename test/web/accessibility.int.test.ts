// Accessibility (issue 22): axe-core (the npm package, injected into the real
// Chromium by playwright-core) on every page of the journey, in light and in
// dark mode (prefers-color-scheme emulated): no serious or critical violation
// (contrast among them). One browser and one page for the whole run: the
// colour scheme is switched on the same page.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpResult } from '../support/api-server';
import { DESKTOP, PHONE, signInAs, startWeb, type WebWorld } from './browser';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

describe('accessibility: axe-core on every page of the journey, light and dark', () => {
  let web: WebWorld;
  let page: Page;
  const paths: { name: string; path: string; open?: (page: Page) => Promise<void> }[] = [];
  let admin: { email: string; password: string };
  let inviteToken: string;

  beforeAll(async () => {
    web = await startWeb();
    const ok = async (res: Promise<HttpResult>) => {
      const r = await res;
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
      return r.body;
    };
    const team = await ok(web.api.admin('POST', '/api/v1/teams', { name: 'Payments' }));
    const alice = await web.api.createUser({ name: 'Alice Example', role: 'admin', teams: { [team.id]: 'lead' } });
    const bob = await web.api.createUser({ name: 'Bob Example', teams: { [team.id]: 'responder' } });
    admin = alice;
    const invited = await ok(web.api.admin('POST', '/api/v1/users', { name: 'Ivy Invited', email: 'ivy@example.test' }));
    inviteToken = (await ok(web.api.admin('POST', `/api/v1/users/${invited.id}/invite`))).token;
    await ok(alice.call('POST', `/api/v1/users/${alice.id}/contact-methods`, { type: 'log', value: 'alice' }));
    const start = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    const schedule = await ok(
      web.api.admin('POST', '/api/v1/schedules', {
        name: 'Payments primary', teamId: team.id, timeZone: 'Europe/Berlin',
        layers: [{ name: 'Weekly', members: [bob.id, alice.id], rotation: { type: 'weekly', shiftLength: 1 }, start: `${start}T09:00:00+01:00` }],
      }),
    );
    const policy = await ok(
      web.api.admin('POST', '/api/v1/escalation-policies', {
        name: 'Payments on call', teamId: team.id, repeat: 0,
        steps: [{ delayMinutes: 5, targets: [{ type: 'schedule', id: schedule.id }] }, { delayMinutes: 30, targets: [{ type: 'user', id: alice.id }] }],
      }),
    );
    const service = await ok(web.api.admin('POST', '/api/v1/services', { name: 'checkout', teamId: team.id, escalationPolicyId: policy.id }));
    const key = (await ok(web.api.admin('POST', `/api/v1/services/${service.id}/integration-keys`, { type: 'events' }))).key as string;
    const sent = await web.api.post('/api/v1/integrations/events', {
      routing_key: key, event_action: 'trigger', dedup_key: randomUUID(),
      payload: { summary: 'Card payments fail', source: 'node-1', severity: 'critical' },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    const window = await ok(web.api.admin('POST', '/api/v1/maintenance-windows', { serviceIds: [service.id], end: new Date(Date.now() + 3_600_000).toISOString(), reason: 'Upgrade' }));
    await ok(web.api.admin('POST', '/api/v1/routing-integrations', { name: 'prod Alertmanager', routes: [], catchAllServiceId: service.id }));

    paths.push(
      { name: 'incident list', path: '/' },
      { name: 'incident page', path: `/incidents/${sent.body.incident_number}` },
      { name: 'schedules', path: '/schedules' },
      { name: 'schedule page', path: `/schedules/${schedule.id}` },
      { name: 'policies', path: '/policies' },
      {
        name: 'policy page with simulation',
        path: `/policies/${policy.id}`,
        open: async (p) => {
          await p.getByRole('button', { name: 'Simulate' }).click();
          await p.getByRole('table', { name: 'Who would be notified, minute by minute' }).waitFor();
        },
      },
      { name: 'services', path: '/services' },
      { name: 'service page', path: `/services/${service.id}` },
      { name: 'teams', path: '/teams' },
      { name: 'team page', path: `/teams/${team.id}` },
      { name: 'users', path: '/users' },
      { name: 'own profile with contact methods', path: `/users/${alice.id}` },
      { name: 'audit log', path: '/audit-log' },
      { name: 'routing', path: '/routing' },
      { name: 'maintenance windows', path: '/maintenance' },
      { name: 'maintenance window', path: `/maintenance/${window.id}` },
    );
    const context = await web.browser.newContext({ baseURL: web.baseUrl, viewport: DESKTOP, timezoneId: 'Europe/Berlin', locale: 'en-GB' });
    // by the DevTools protocol, before the page's scripts: the app's CSP does not apply
    await context.addInitScript({ content: AXE_SOURCE });
    page = await context.newPage();
  }, 180_000);

  afterAll(async () => {
    await page?.context().close();
    await web?.close();
  });

  async function settle(): Promise<void> {
    await page.locator('h1').first().waitFor();
    await expect.poll(() => page.getByText('Loading…', { exact: true }).count(), { timeout: 15_000 }).toBe(0);
  }

  /** Serious and critical violations on the page as it is, one line each. */
  async function violations(where: string): Promise<string[]> {
    for (const d of await page.locator('details').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
    const found = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Violation[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
    });
    return found
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${where}: ${v.id} (${v.impact}) ${v.help} at ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim() ?? ''}`));
  }

  async function checkBothSchemes(where: string): Promise<string[]> {
    const problems: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      problems.push(...(await violations(`${where} [${colorScheme}]`)));
    }
    return problems;
  }

  it('has no serious or critical violations on any page, light or dark', async () => {
    const problems: string[] = [];
    await page.goto('/sign-in');
    await page.getByLabel('Email').waitFor();
    problems.push(...(await checkBothSchemes('sign-in (/sign-in)')));
    await page.goto(`/accept-invite#token=${inviteToken}`);
    await page.getByLabel('New password').waitFor();
    problems.push(...(await checkBothSchemes('accept invite (/accept-invite)')));
    await page.emulateMedia({ colorScheme: 'light' });
    await signInAs(page, admin);
    for (const p of paths) {
      await page.goto(p.path);
      await settle();
      if (p.open) await p.open(page);
      await settle();
      problems.push(...(await checkBothSchemes(`${p.name} (${p.path})`)));
    }
    // the phone layout (the collapsed menu, stacked rows) of the busiest pages
    await page.setViewportSize(PHONE);
    for (const p of paths.filter((x) => ['incident list', 'incident page', 'policy page with simulation', 'team page'].includes(x.name))) {
      await page.goto(p.path);
      await settle();
      if (p.open) await p.open(page);
      await settle();
      problems.push(...(await checkBothSchemes(`${p.name} (${p.path}, phone)`)));
    }
    await page.setViewportSize(DESKTOP);
    expect(problems).toEqual([]);
  }, 240_000);

  it('is not blind: dark mode has its own colours, and axe finds low contrast and an unlabelled field when they are there', async () => {
    await page.goto('/audit-log');
    await settle();
    const background = async (colorScheme: 'light' | 'dark') => {
      await page.emulateMedia({ colorScheme });
      return page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    };
    expect(await background('dark')).not.toBe(await background('light'));
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'pale text';
      p.style.color = '#ccc';
      p.style.background = '#fff';
      const input = document.createElement('input');
      document.querySelector('main')!.append(p, input);
    });
    const found = (await violations('planted')).join('\n');
    expect(found).toContain('color-contrast');
    expect(found).toContain('label');
  });
});
