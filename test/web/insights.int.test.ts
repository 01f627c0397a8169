// The Insights page in real Chromium at 1280 and 390 px (issue 23): its numbers
// match a seeded history, a pyramid number opens the incident list filtered to
// it, a readiness finding links to the object to fix (whose page shows it in a
// banner), and the team's time zone and digest settings save; no CSP violation. With
// HEINRICH_SCREENSHOTS set, the desktop run also writes docs/screenshots/insights.png.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS_DIR } from '../../scripts/screenshots';
import { seedInsightIncident } from '../support/seed-insight-incident';
import { DESKTOP, PHONE, signInAs, startWeb, type WebWorld } from './browser';

const DAY = 86_400_000;
/** midnight UTC `days` days ago, plus hours */
const ago = (days: number, hours: number) => new Date(Math.floor(Date.now() / DAY) * DAY - days * DAY + hours * 3_600_000).toISOString();

describe('the Insights page', () => {
  let web: WebWorld;
  let teamId: string;
  let serviceId: string;
  let lead: { id: string; email: string; password: string };

  beforeAll(async () => {
    web = await startWeb();
    const ok = async (method: string, path: string, body?: unknown) => {
      const res = await web.api.admin(method, path, body);
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      return res.body;
    };
    teamId = (await ok('POST', '/api/v1/teams', { name: 'Shop' })).id;
    // a service without a policy: the readiness finding to fix
    serviceId = (await ok('POST', '/api/v1/services', { name: 'Checkout', teamId })).id;
    lead = await web.api.createUser({ name: 'Lena Lead', teams: { [teamId]: 'lead' } });
    await web.api.db.pool.query(`UPDATE users SET time_zone = 'UTC' WHERE id = $1`, [lead.id]);
    const seed = (s: Omit<Parameters<typeof seedInsightIncident>[1], 'serviceId'>) => seedInsightIncident(web.api.db.pool, { serviceId, ...s });
    // the last 28 days: one major (paged Lena at 02:00 UTC, her sleep hours; open an hour), two minor (12:00 and 23:30: one in sleep hours),
    // five near misses of one alert group (re-opened 4 times: recurring; the noise hint needs 5) that resolved by themselves in a minute, 6 re-sends deduplicated
    await seed({ key: 'NodeDown', at: ago(3, 2), paged: lead.id, resolveAfter: 3600 });
    await seed({ key: 'HighLatency', at: ago(4, 12), paged: lead.id, resolveAfter: 300 });
    await seed({ key: 'HighLatency', at: ago(5, 23.5), paged: lead.id, resolveAfter: 300 });
    for (const d of [6, 7, 8, 9, 10]) await seed({ key: 'DiskFull', group: 'disk', at: ago(d, 3), resolveAfter: 60, dedup: d === 6 ? 6 : 0 });
    // the 28 days before: one minor
    await seed({ key: 'HighLatency', at: ago(40, 12), paged: lead.id, resolveAfter: 300 });
  }, 120_000);

  afterAll(async () => {
    await web?.close();
  });

  for (const viewport of [DESKTOP, PHONE]) {
    it(`shows the seeded numbers; a pyramid number opens its incidents; a finding links to its object (${viewport.width} px)`, async () => {
      const page = await web.newPage(viewport);
      // the lazily loaded page and its canvas chart run under the Content-Security-Policy
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content[- ]Security[- ]Policy/i.test(m.text())) violations.push(m.text());
      });
      await signInAs(page, lead);
      if (viewport === DESKTOP) {
        await page.getByRole('navigation').getByRole('link', { name: 'Insights' }).click();
        // the incident list (where sign-in lands) has its own team filter: wait until the Insights page replaced it
        await page.getByRole('heading', { name: 'Insights', level: 1 }).waitFor();
        await page.getByLabel('Team').selectOption({ label: 'Shop' });
        await page.waitForURL((u) => u.searchParams.get('teamId') === teamId);
      } else {
        await page.goto(`/insights?teamId=${teamId}`);
      }
      await page.getByRole('heading', { name: 'Insights', level: 1 }).waitFor();
      await expect.poll(() => page.getByTestId('pyramid-major').textContent()).toBe('1');
      expect(await page.getByTestId('pyramid-minor').textContent()).toBe('2');
      expect(await page.getByTestId('pyramid-nearMiss').textContent()).toBe('5');
      expect(await page.getByTestId('pyramid-deduplicated').textContent()).toBe('6');
      expect(await page.getByTestId('pyramid-ratio').textContent()).toBe('1 : 2 : 5');
      // the pyramid's tiers carry the counts as links with words, and the trend against the previous period in words
      const svg = page.locator('svg.pyramid-svg');
      expect(await svg.getByRole('link', { name: '5 near misses: show the incidents' }).count()).toBe(1);
      expect(await svg.textContent()).toContain('up 1 (+100 %)'); // minor: 2 against 1
      const response = (await page.getByTestId('response').textContent()) ?? '';
      expect(response).toContain('Incidents that paged3');
      expect(response).toContain('Escalated past step 10');
      expect(await page.getByTestId('people-sleep').textContent()).toBe('2 in sleep hours');
      const people = page.getByTestId('people-table').getByRole('row', { name: /Lena Lead/ });
      expect((await people.getByRole('cell').allTextContents()).map((c) => c.trim())).toEqual(['3', '3', expect.any(String), expect.any(String), '2']);
      expect(await page.getByRole('img', { name: /Interruptions per person: Lena Lead 3/ }).count()).toBe(1);
      const disk = page.getByTestId('noise-table').getByRole('row', { name: /DiskFull/ });
      expect((await disk.getByRole('cell').allTextContents()).slice(0, 3)).toEqual(['5', '0', '100 %']);
      expect(await disk.textContent()).toMatch(/resolves by itself/);
      const recurring = page.getByTestId('recurring-table').getByRole('row', { name: /DiskFull on the nightly box/ });
      expect(await recurring.getByRole('cell').first().textContent()).toBe('4');
      // CSV of each table
      const csv = await page.getByRole('link', { name: 'Download noise as CSV' }).getAttribute('href');
      const res = await page.request.get(csv!);
      expect(res.status()).toBe(200);
      expect(await res.text()).toContain('DiskFull');
      // the page does not overflow sideways on the phone
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);

      if (viewport === DESKTOP && process.env.HEINRICH_SCREENSHOTS) {
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: join(SCREENSHOTS_DIR, 'insights.png'), fullPage: true });
      }

      // a pyramid number: the incident list of that level and period
      await page.getByTestId('pyramid-nearMiss').click();
      await page.waitForURL((u) => u.pathname === '/incidents' && u.searchParams.get('insight') === 'nearMiss');
      const url = new URL(page.url());
      expect(url.searchParams.get('teamId')).toBe(teamId);
      const listed = await web.api.admin('GET', `/api/v1/incidents?${new URLSearchParams({ insight: 'nearMiss', from: url.searchParams.get('from')!, to: url.searchParams.get('to')!, status: 'triggered,acknowledged,resolved' })}`);
      expect(listed.status, JSON.stringify(listed.body)).toBe(200);
      expect(listed.body.items.map((i: { title: string }) => i.title)).toEqual(Array(5).fill('DiskFull on the nightly box'));

      // the same address from `/` (as the digest or a person may write it) keeps its filter
      await page.goto(`/?${url.searchParams.toString()}`);
      await page.waitForURL((u) => u.pathname === '/incidents' && u.searchParams.get('insight') === 'nearMiss' && u.searchParams.get('from') === url.searchParams.get('from'));

      // a readiness finding: its object's page, which shows it in a banner
      await page.goto(`/insights?teamId=${teamId}`);
      const finding = page.locator('#readiness li', { hasText: 'Service Checkout has no escalation policy' });
      expect(await finding.locator('.badge').textContent()).toBe('Critical');
      await finding.getByRole('link', { name: 'Fix service Checkout' }).click();
      await page.waitForURL((u) => u.pathname === `/services/${serviceId}`);
      const banner = page.getByRole('region', { name: /Paging readiness: 1 hole/ });
      await banner.waitFor();
      expect(await banner.textContent()).toContain('Service Checkout has no escalation policy');
      expect(violations).toEqual([]);
      await page.context().close();
    });
  }

  it('the team page saves the time zone and the weekly digest settings (390 px)', async () => {
    const page = await web.newPage(PHONE);
    await signInAs(page, lead);
    await page.goto(`/teams/${teamId}`);
    const card = page.getByRole('region', { name: 'Time zone and weekly digest' });
    await card.getByLabel('Digest Slack channel id').waitFor();
    await card.getByLabel('Team time zone').fill('berlin');
    await card.getByRole('option', { name: /Europe\/Berlin/ }).first().click();
    await card.getByLabel('Digest Slack channel id').fill('#shop');
    await card.getByRole('button', { name: 'Save settings' }).click();
    // the API's refusal, under its field
    await card.getByText('must be a Slack channel id such as C0123ABC').waitFor();
    await card.getByLabel('Digest Slack channel id').fill('C0SHOP');
    await card.getByLabel('Weekday').selectOption('friday');
    await card.getByLabel('Hour').selectOption('17');
    await card.getByRole('button', { name: 'Save settings' }).click();
    await card.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    const saved = await web.api.admin('GET', `/api/v1/teams/${teamId}/settings`);
    expect(saved.body).toMatchObject({ timeZone: 'Europe/Berlin', digest: { slackChannel: 'C0SHOP', enabled: true, weekday: 'friday', hour: 17 } });
    await page.reload();
    expect(await card.getByLabel('Hour').inputValue()).toBe('17');
    await page.context().close();
  });
});
