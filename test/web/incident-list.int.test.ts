// The incident list at 50 incidents (issue 22 "The list at 50 incidents"), in
// real Chromium against the real api and worker: compact rows (at least 5 on the
// first phone screen, below the header and filters), severity and urgency in
// words, the status filter not cut on a phone, multi-select Acknowledge with
// per-incident failures, sort and search kept in the URL, "Assigned to me", a
// storm's incidents under their storm row, and j/k/x/a on the keyboard.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInUser } from '../support/api-server';
import { eventually } from '../worker/eventually';
import { startTestWorker, type TestWorker } from '../worker/start-test-worker';
import { DESKTOP, PHONE, signInAs, startWeb, type WebWorld } from './browser';

const SEVERITIES = ['critical', 'warning', 'info', 'error'] as const;
/** the list's reads (GET /api/v1/incidents?…), not bulk-status */
const LIST_READS = /\/api\/v1\/incidents\?/;

describe('incident list (web UI, 50 incidents)', () => {
  let web: WebWorld;
  let worker: TestWorker;
  let teamId: string;
  let checkout: { id: string; key: string };
  let collector: { id: string; key: string };
  let lena: SignedInUser;
  let rita: SignedInUser;
  const numbers: Record<string, number> = {};
  const stormNumbers: number[] = [];
  const beforeStorm: number[] = [];

  const ok = async (method: string, path: string, body?: unknown) => {
    const res = await web.api.admin(method, path, body);
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  };
  const trigger = async (key: string, summary: string, severity: string, source: string, component?: string) => {
    const res = await web.api.post('/api/v1/integrations/events', {
      routing_key: key,
      event_action: 'trigger',
      dedup_key: randomUUID(),
      payload: { summary, source, severity, ...(component ? { component } : {}) },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    return res.body.incident_number as number;
  };
  const status = async (n: number) => (await web.api.admin('GET', `/api/v1/incidents/${n}`)).body.status as string;

  beforeAll(async () => {
    web = await startWeb();
    worker = await startTestWorker({ databaseUrl: web.api.databaseUrl, redisUrl: web.api.redisUrl, redisPrefix: web.api.redisPrefix });
    teamId = (await ok('POST', '/api/v1/teams', { name: 'Payments' })).id;
    const service = async (name: string, storm: object) => {
      const s = await ok('POST', '/api/v1/services', { name, teamId, urgency: 'bySeverity' });
      await ok('PATCH', `/api/v1/services/${s.id}`, { noise: { storm } });
      return { id: s.id as string, key: (await ok('POST', `/api/v1/services/${s.id}/integration-keys`, { type: 'events' })).key as string };
    };
    // many incidents at once on checkout are no storm here; on collector the 3rd within 5 min starts one
    checkout = await service('checkout', { enabled: false });
    collector = await service('collector', { incidents: 2 });
    lena = await web.api.createUser({ name: 'Lena Lead', teams: { [teamId]: 'lead' } });
    rita = await web.api.createUser({ name: 'Rita Responder', teams: { [teamId]: 'responder' } });

    // 5 on collector, each decided by the worker before the next: 2 before the storm, then the storm (its page and 2 held)
    for (let i = 0; i < 5; i++) {
      const n = await trigger(collector.key, `Collector queue full on node-${i}`, 'critical', `node-${i}`);
      (i >= 2 ? stormNumbers : beforeStorm).push(n);
      await eventually(`the worker to decide collector incident ${i + 1}`, async () => {
        const r = await web.api.db.pool.query(
          `SELECT count(DISTINCT i.id)::int AS n FROM incidents i JOIN incident_events e ON e.incident_id = i.id
            WHERE i.service_id = $1 AND e.type IN ('escalation_started', 'escalation_not_started', 'storm_held')`,
          [collector.id],
        );
        return r.rows[0].n === i + 1;
      });
    }
    // 2 that page Rita
    for (const title of ['Refunds stuck, paging Rita', 'Settlement file late, paging Rita']) {
      const res = await web.api.admin('POST', '/api/v1/incidents', { serviceId: checkout.id, title, severity: 'error', assignTo: [{ type: 'user', id: rita.id }] });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      numbers[title] = res.body.number;
    }
    // 43 more on checkout: severities in turn, half of them from component eu
    for (let i = 0; i < 43; i++) {
      const severity = SEVERITIES[i % 4]!;
      const title = i === 20 ? 'Disk full on db-7' : `Checkout ${severity} ${i}: card payments slow`;
      numbers[title] = await trigger(checkout.key, title, severity, `db-${i}`, i % 2 === 0 ? 'payments-eu' : 'payments-us');
    }
    await eventually('the worker to page Rita twice', async () => (await rita.call('GET', '/api/v1/incidents?assigned=me')).body?.items?.length === 2);
    const all = (await ok('GET', '/api/v1/incidents?limit=100')).items as unknown[];
    expect(all).toHaveLength(50);
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await web?.close();
  });

  const rows = (page: Page) => page.locator('table.incident-list tbody tr[data-ids]');
  const row = (page: Page, n: number) => page.locator('table.incident-list tbody tr[data-ids]').filter({ has: page.getByRole('link', { name: new RegExp(`^#${n} `) }) });
  const listed = async (page: Page) =>
    (await page.locator('table.incident-list tbody tr[data-ids] a.incident-title').allTextContents()).map((t) => t.trim());

  it('on a phone (390 × 844): at least 5 incidents on the first screen below the header and filters, the status filter not cut', async () => {
    const page = await web.newPage(PHONE);
    await signInAs(page, lena);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
    // 48 rows: the storm's 3 incidents are one row
    await expect.poll(() => rows(page).count(), { timeout: 30_000 }).toBe(48);
    const filtersBottom = (await page.getByRole('search', { name: 'Filter incidents' }).boundingBox())!;
    const boxes = await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })));
    const onFirstScreen = boxes.filter((b) => b.top >= filtersBottom.y + filtersBottom.height && b.bottom <= PHONE.height);
    console.log(`phone: ${onFirstScreen.length} rows fully on the first screen; row heights ${boxes.slice(0, 8).map((b) => Math.round(b.bottom - b.top)).join(', ')} px; filters end at ${Math.round(filtersBottom.y + filtersBottom.height)} px`);
    if (process.env.HL_DEBUG_SHOT) await page.screenshot({ path: process.env.HL_DEBUG_SHOT });
    expect(onFirstScreen.length).toBeGreaterThanOrEqual(5);
    // the page does not scroll sideways
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // severity and urgency in words, critical and warning in different colours
    const critical = page.locator('.sev-critical').first();
    const warning = page.locator('.sev-warning').first();
    expect(await critical.textContent()).toBe('critical');
    expect(await warning.textContent()).toBe('warning');
    const bg = (l: typeof critical) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await bg(critical)).not.toBe(await bg(warning));
    expect(await page.locator('.urg-high').first().textContent()).toContain('high');
    expect(await page.locator('.urg-low').first().textContent()).toContain('low');

    // every status option fits its select (the text of the chosen one is not cut)
    const select = page.getByLabel('Status');
    for (const label of ['Open', 'Triggered', 'Acknowledged', 'Resolved', 'All']) {
      await select.selectOption({ label });
      const fits = await select.evaluate((el: HTMLSelectElement) => {
        const style = getComputedStyle(el);
        const canvas = document.createElement('canvas').getContext('2d')!;
        canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = canvas.measureText(el.selectedOptions[0]!.text).width;
        // padding and the arrow
        return text + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + 20 <= el.clientWidth;
      });
      expect(fits, label).toBe(true);
    }
    await page.context().close();
  });

  it('multi-select: Acknowledge selected acknowledges them, and an incident that cannot be is named with its reason', async () => {
    const page = await web.newPage(DESKTOP);
    await signInAs(page, lena);
    await page.goto('/?status=all');
    const a = numbers['Checkout warning 1: card payments slow']!;
    const b = numbers['Checkout info 2: card payments slow']!;
    const c = numbers['Checkout error 3: card payments slow']!;
    await row(page, a).waitFor({ timeout: 30_000 });
    // no Acknowledge button per row
    expect(await page.getByRole('button', { name: /^Acknowledge #/ }).count()).toBe(0);
    for (const n of [a, b, c]) await page.getByRole('checkbox', { name: `Select #${n}` }).check();
    await page.getByText('50 incidents, 3 selected').waitFor();

    // the list's reads wait while c is resolved by someone else: the page still offers it
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(LIST_READS, async (route) => {
      await released;
      await route.continue();
    });
    expect((await web.api.admin('POST', `/api/v1/incidents/${c}/resolve`, {})).status).toBe(200);
    const answer = page.waitForResponse((res) => res.url().endsWith('/api/v1/incidents/bulk-status'));
    await page.getByRole('button', { name: 'Acknowledge selected (3)' }).click();
    expect((await answer).status()).toBe(200);
    release();
    await page.getByText('Acknowledged 2 incidents.').waitFor();
    const failure = page.getByRole('alert').filter({ hasText: 'not acknowledged' });
    await expect.poll(() => failure.textContent()).toMatch(new RegExp(`#${c}: .*resolved`));
    expect(await status(a)).toBe('acknowledged');
    expect(await status(b)).toBe('acknowledged');
    await page.unroute(LIST_READS);
    // the failed one stays selected
    await expect.poll(() => row(page, c).locator('.status').textContent()).toBe('resolved');
    expect(await page.getByRole('checkbox', { name: `Select #${c}` }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: `Select #${a}` }).isChecked()).toBe(false);
    await expect.poll(() => row(page, a).locator('.status').textContent()).toBe('acknowledged');

    // select all on the page, then unselect all
    await page.getByLabel('Select all').check();
    await page.getByText(/^\d+ incidents, \d+ selected$/).waitFor();
    await page.getByLabel('Select all').uncheck();
    expect(await page.getByRole('button', { name: /^Acknowledge selected/ }).count()).toBe(0);
    await page.context().close();
  });

  it('sort by severity and search by title and label, kept in the URL across a reload', async () => {
    const page = await web.newPage(DESKTOP);
    await signInAs(page, lena);
    await page.goto('/');
    await expect.poll(() => rows(page).count(), { timeout: 30_000 }).toBeGreaterThan(40);

    await page.getByLabel('Sort').selectOption({ label: 'Severity' });
    await page.waitForURL(/sort=severity/);
    await expect
      .poll(async () => {
        const sevs = await page.locator('table.incident-list tbody tr.inc-row:not(.storm-row) td.main .sev').allTextContents();
        const order = ['critical', 'error', 'warning', 'info'];
        return sevs.length > 40 && sevs.every((s, i) => i === 0 || order.indexOf(sevs[i - 1]!) <= order.indexOf(s));
      })
      .toBe(true);

    await page.getByLabel('Search incidents').fill('disk FULL');
    await page.waitForURL(/q=disk\+FULL/);
    await expect.poll(() => listed(page)).toEqual([`#${numbers['Disk full on db-7']} Disk full on db-7`]);
    await page.reload();
    expect(await page.getByLabel('Search incidents').inputValue()).toBe('disk FULL');
    expect(await page.getByLabel('Sort').inputValue()).toBe('severity');
    await expect.poll(() => listed(page), { timeout: 30_000 }).toEqual([`#${numbers['Disk full on db-7']} Disk full on db-7`]);

    // a label and a word: the critical ones (every 4th, all from component payments-eu, one of them the disk)
    await page.getByLabel('Search incidents').fill('component=payments-eu critical');
    const criticals = Object.keys(numbers).filter((t) => t.startsWith('Checkout critical'));
    expect(criticals).toHaveLength(10);
    await expect.poll(async () => (await listed(page)).map((t) => t.replace(/^#\d+ /, '')).sort()).toEqual(criticals.sort());
    await page.getByLabel('Search incidents').fill('component=payments-us critical');
    await page.getByText('No incidents match these filters. All quiet.').waitFor();
    await page.context().close();
  });

  it('the insights filter from the Insights page: passed to the API, shown as a chip that removes it', async () => {
    const page = await web.newPage(PHONE);
    await signInAs(page, lena);
    const to = new Date(Date.now() + 86_400_000);
    const from = new Date(to.getTime() - 7 * 86_400_000);
    const asked = page.waitForRequest((req) => req.url().includes('insight=nearMiss') && req.url().includes(`from=${encodeURIComponent(from.toISOString())}`));
    await page.goto(`/?insight=nearMiss&from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`);
    const url = new URL((await asked).url());
    // every status unless one is chosen
    expect(url.searchParams.get('status')).toBeNull();
    expect(url.searchParams.get('to')).toBe(to.toISOString());
    const chip = page.locator('.filter-chips .chip');
    await expect.poll(() => chip.textContent()).toMatch(/^Insights: near misses, \w{3} \d{1,2} \w{3} to \w{3} \d{1,2} \w{3}/);
    expect(await page.getByLabel('Status').inputValue()).toBe('all');
    await page.getByRole('button', { name: 'Remove the insights filter' }).click();
    await page.waitForURL((u) => !u.search.includes('insight'));
    expect(await chip.count()).toBe(0);
    expect(await page.getByLabel('Status').inputValue()).toBe('open');
    await page.context().close();
  });

  it('"Assigned to me" shows what pages me, and who is on each incident', async () => {
    const page = await web.newPage(PHONE);
    await signInAs(page, rita);
    await page.goto('/');
    await expect.poll(() => rows(page).count(), { timeout: 30_000 }).toBeGreaterThan(40);
    await page.getByLabel('Assigned to me').check();
    await page.waitForURL(/assigned=me/);
    await expect
      .poll(async () => (await listed(page)).sort())
      .toEqual([`#${numbers['Refunds stuck, paging Rita']} Refunds stuck, paging Rita`, `#${numbers['Settlement file late, paging Rita']} Settlement file late, paging Rita`].sort());
    expect(await row(page, numbers['Refunds stuck, paging Rita']!).locator('td.onit').textContent()).toBe('Paged: Rita Responder');
    await page.context().close();
  });

  it("a storm's incidents are one row, shown under it on demand", async () => {
    const page = await web.newPage(DESKTOP);
    await signInAs(page, lena);
    await page.goto('/');
    const storm = page.locator('tr.storm-row');
    await storm.waitFor({ timeout: 30_000 });
    expect(await storm.getByRole('link', { name: 'Storm on collector: 3 incidents' }).getAttribute('href')).toMatch(/^\/storms\//);
    expect(await storm.textContent()).toContain(`started by #${stormNumbers[0]}`);
    for (const n of stormNumbers) expect(await row(page, n).count()).toBe(0);
    await storm.getByRole('button', { name: 'Show 3 incidents of the storm on collector' }).click();
    await row(page, stormNumbers[0]!).getByRole('link', { name: 'Storm page' }).waitFor();
    for (const n of stormNumbers.slice(1)) await row(page, n).getByRole('link', { name: 'Held by storm' }).waitFor();
    // the two before the storm are ordinary rows
    for (const n of beforeStorm) expect(await row(page, n).locator('.badge.storm').count()).toBe(0);
    await page.context().close();
  });

  it('keyboard: j/k move, x selects, a acknowledges the selection (or the focused incident), Enter opens', async () => {
    const page = await web.newPage(DESKTOP);
    await signInAs(page, lena);
    await page.goto('/');
    await expect.poll(() => rows(page).count(), { timeout: 30_000 }).toBeGreaterThan(40);
    await page.getByText('Keyboard shortcuts').click();
    await page.getByText('select or unselect it').waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });

    const focusedTitle = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    const titles = await listed(page);
    await page.keyboard.press('j');
    expect(await focusedTitle()).toBe(titles[0]);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await focusedTitle()).toBe(titles[1]);
    // pick two triggered rows by moving down until one is triggered
    const picked: string[] = [];
    for (let i = 1; i < titles.length && picked.length < 2; i++) {
      const focused = page.locator('tr[data-ids]:focus-within');
      if ((await focused.locator('.status').textContent()) === 'triggered' && !(await focused.evaluate((tr) => tr.classList.contains('storm-row')))) {
        await page.keyboard.press('x');
        picked.push(await focusedTitle());
      }
      await page.keyboard.press('j');
    }
    expect(picked).toHaveLength(2);
    await page.getByText(/, 2 selected$/).waitFor();
    await page.keyboard.press('a');
    await page.getByText('Acknowledged 2 incidents.').waitFor();
    for (const t of picked) expect(await status(Number(/^#(\d+)/.exec(t)![1]))).toBe('acknowledged');

    // nothing selected: a acknowledges the focused incident; Enter opens it
    const focused = page.locator('tr[data-ids]:focus-within');
    while ((await focused.locator('.status').textContent()) !== 'triggered') await page.keyboard.press('j');
    const one = Number(/^#(\d+)/.exec(await focusedTitle())![1]);
    await page.keyboard.press('a');
    await expect.poll(() => status(one)).toBe('acknowledged');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/incidents/${one}$`));
    await page.context().close();
  });
});
