// No ISO-8601 instant is shown to a person (issue 22 "Times"): every page of the
// journey, at 1280 and 390 px, in real Chromium against the real api and worker,
// after a world with a rich timeline (a schedule's step paging someone with the
// next step pending, a note), a storm, a maintenance window, a heartbeat, a
// routing integration and overrides. Visible text is scanned for instants,
// except text people wrote (labels, annotations, notes, reasons), which the UI
// marks with `data-user-text`. Collapsed parts (<details>, the timeline's
// "Show details") are opened first. And a form error that mentions an instant
// (an override ending before it starts) shows it in the viewer's zone.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wallClockOf } from '../../apps/web/src/lib/time';
import { eventually } from '../worker/eventually';
import { startTestWorker, type TestWorker } from '../worker/start-test-worker';
import { DESKTOP, PHONE, signInAs, startWeb, type WebWorld } from './browser';

/** An instant as ISO 8601 / RFC 3339 writes it (date, T, time), or "2026-12-07 01:08 UTC". */
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}|\s\d{2}:\d{2}(?::\d{2})?\s?(?:UTC|Z))/;
const ZONE = 'Europe/Berlin';

describe('no ISO instants in the web UI', () => {
  let web: WebWorld;
  let worker: TestWorker;
  const paths: { name: string; path: string; open?: (page: Page) => Promise<void> }[] = [];
  let admin: { email: string; password: string };
  let scheduleId: string;

  beforeAll(async () => {
    web = await startWeb();
    worker = await startTestWorker({ databaseUrl: web.api.databaseUrl, redisUrl: web.api.redisUrl, redisPrefix: web.api.redisPrefix });
    const ok = async (method: string, path: string, body?: unknown) => {
      const res = await web.api.admin(method, path, body);
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      return res.body;
    };
    const team = await ok('POST', '/api/v1/teams', { name: 'Payments' });
    const alice = await web.api.createUser({ name: 'Alice Example', teams: { [team.id]: 'lead' } });
    const bob = await web.api.createUser({ name: 'Bob Example', teams: { [team.id]: 'responder' } });
    const ada = await web.api.createUser({ name: 'Ada Admin', role: 'admin' });
    admin = ada;

    // a weekly rotation that began weeks ago (shift numbers, shift times), an override tomorrow
    const start = new Date(Date.now() - 17 * 86_400_000);
    const schedule = await ok('POST', '/api/v1/schedules', {
      name: 'Payments primary',
      teamId: team.id,
      timeZone: ZONE,
      layers: [{ name: 'Weekly', members: [bob.id, alice.id], rotation: { type: 'weekly', shiftLength: 1 }, start: `${start.toISOString().slice(0, 10)}T09:00:00+01:00` }],
    });
    scheduleId = schedule.id;
    const tomorrow = Date.now() + 86_400_000;
    await ok('POST', `/api/v1/schedules/${schedule.id}/overrides`, { userId: alice.id, start: new Date(tomorrow).toISOString(), end: new Date(tomorrow + 4 * 3_600_000).toISOString() });

    const policy = await ok('POST', '/api/v1/escalation-policies', {
      name: 'Payments on call',
      teamId: team.id,
      repeat: 0,
      steps: [
        { delayMinutes: 5, targets: [{ type: 'schedule', id: schedule.id }] },
        { delayMinutes: 30, targets: [{ type: 'user', id: alice.id }] },
      ],
    });
    const checkout = await ok('POST', '/api/v1/services', { name: 'checkout', teamId: team.id, escalationPolicyId: policy.id });
    const key = (await ok('POST', `/api/v1/services/${checkout.id}/integration-keys`, { type: 'events' })).key as string;
    await ok('POST', '/api/v1/heartbeats', { serviceId: checkout.id, name: 'nightly-backup', intervalSeconds: 86_400 });

    const trigger = async (routingKey: string, summary: string) => {
      const res = await web.api.post('/api/v1/integrations/events', {
        routing_key: routingKey,
        event_action: 'trigger',
        dedup_key: randomUUID(),
        payload: { summary, source: 'node-1', severity: 'critical' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      return res.body.incident_number as number;
    };
    // the incident: step 1 pages whoever is on call, step 2 is pending
    const number = await trigger(key, 'Card payments fail');
    const incidentId = (await web.api.db.pool.query(`SELECT id FROM incidents WHERE number = $1`, [number])).rows[0].id as string;
    await eventually('step 1 to page', async () => {
      const r = await web.api.db.pool.query(`SELECT 1 FROM incident_events WHERE incident_id = $1 AND type = 'escalation_step'`, [incidentId]);
      return r.rowCount === 1;
    });
    // a note people wrote may hold an instant: it is theirs, shown as written
    await ok('POST', `/api/v1/incidents/${incidentId}/notes`, { text: 'Deploy 2026-12-01T10:00:00Z rolled back' });

    // a storm: the 3rd incident within 5 minutes on a service with a threshold of 2
    const collector = await ok('POST', '/api/v1/services', { name: 'collector', teamId: team.id });
    await ok('PATCH', `/api/v1/services/${collector.id}`, { noise: { storm: { incidents: 2 } } });
    const collectorKey = (await ok('POST', `/api/v1/services/${collector.id}/integration-keys`, { type: 'events' })).key as string;
    for (let i = 0; i < 4; i++) {
      await trigger(collectorKey, `Collector queue full ${i}`);
      await eventually(`the worker to decide collector incident ${i + 1}`, async () => {
        const r = await web.api.db.pool.query(
          `SELECT count(DISTINCT i.id)::int AS n FROM incidents i JOIN incident_events e ON e.incident_id = i.id
            WHERE i.service_id = $1 AND e.type IN ('escalation_started', 'escalation_not_started', 'storm_held')`,
          [collector.id],
        );
        return r.rows[0].n === i + 1;
      });
    }
    const stormId = (await web.api.db.pool.query(`SELECT id FROM storms WHERE service_id = $1`, [collector.id])).rows[0]?.id as string | undefined;
    const held = (await web.api.db.pool.query(`SELECT max(number)::int AS n FROM incidents WHERE service_id = $1`, [collector.id])).rows[0].n as number;

    // a maintenance window in force, and an alert it holds
    const postgres = await ok('POST', '/api/v1/services', { name: 'postgres', teamId: team.id, escalationPolicyId: policy.id });
    const pgKey = (await ok('POST', `/api/v1/services/${postgres.id}/integration-keys`, { type: 'events' })).key as string;
    const window = await ok('POST', '/api/v1/maintenance-windows', { serviceIds: [postgres.id], end: new Date(Date.now() + 3_600_000).toISOString(), reason: 'Upgrade PG' });
    const heldByWindow = await trigger(pgKey, 'Replication lag');
    await ok('POST', '/api/v1/routing-integrations', { name: 'prod Alertmanager', routes: [], catchAllServiceId: checkout.id });

    paths.push(
      { name: 'incident list', path: '/' },
      {
        name: 'incident page',
        path: `/incidents/${number}`,
        open: async (page) => {
          const timeline = page.getByRole('list', { name: 'Timeline events' });
          await timeline.getByText(/paging/).first().waitFor();
          // the pending step, in the viewer's zone and relative: "step 2 follows at 02:08 (in 5 min)"
          expect(await timeline.textContent()).toMatch(/step 2 follows at \d{2}:\d{2} \(in \d+ min\) unless acknowledged/);
          const details = page.getByRole('button', { name: /^Show details/ });
          if ((await details.count()) > 0) await details.click();
        },
      },
      { name: 'incident held by maintenance', path: `/incidents/${heldByWindow}` },
      { name: 'incident held by a storm', path: `/incidents/${held}` },
      ...(stormId ? [{ name: 'storm page', path: `/storms/${stormId}` }] : []),
      { name: 'schedules', path: '/schedules' },
      {
        name: 'schedule page with preview',
        path: `/schedules/${schedule.id}`,
        open: async (page) => {
          await page.getByRole('button', { name: 'Edit layers' }).click();
          await page.getByRole('button', { name: /^Move Alice Example up/ }).click();
          await page.getByRole('button', { name: 'Preview changes' }).click();
          await page.getByRole('region', { name: /Preview: the next 4 weeks/ }).waitFor();
        },
      },
      { name: 'policies', path: '/policies' },
      {
        name: 'policy page with simulation',
        path: `/policies/${policy.id}`,
        open: async (page) => {
          await page.getByRole('button', { name: 'Simulate' }).click();
          await page.getByRole('table', { name: 'Who would be notified, minute by minute' }).waitFor();
        },
      },
      { name: 'services', path: '/services' },
      { name: 'service page', path: `/services/${checkout.id}`, open: async (page) => page.getByRole('heading', { name: 'Heartbeats' }).waitFor() },
      { name: 'maintenance windows', path: '/maintenance' },
      { name: 'maintenance window', path: `/maintenance/${window.id}` },
      { name: 'users', path: '/users' },
      { name: 'user page', path: `/users/${alice.id}` },
      { name: 'teams', path: '/teams' },
      { name: 'team page', path: `/teams/${team.id}` },
      { name: 'audit log', path: '/audit-log' },
      // hu: the Insights page (its period, the recurring dates, the readiness findings with their windows) and a service's readiness banner
      {
        name: 'insights',
        path: '/insights',
        open: async (page) => {
          await page.getByRole('heading', { name: 'Pyramid' }).waitFor();
          await page.locator('#readiness li, #readiness .notice').first().waitFor();
        },
      },
      { name: 'service page with a readiness finding', path: `/services/${collector.id}`, open: async (page) => page.locator('.readiness-banner').waitFor() },
      { name: 'routing', path: '/routing' },
    );
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await web?.close();
  });

  /** Visible text outside people's own text, with each ISO instant found in it (and its surroundings). */
  async function instantsShown(page: Page): Promise<string[]> {
    return page.evaluate((source) => {
      const re = new RegExp(source);
      for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || el.closest('[data-user-text], script, style, noscript')) continue;
        if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
        const text = node.textContent ?? '';
        const m = re.exec(text);
        if (m) found.push(`${el.tagName.toLowerCase()}: …${text.slice(Math.max(0, m.index - 60), m.index + 40)}…`);
      }
      return found;
    }, ISO_INSTANT.source);
  }

  async function settle(page: Page): Promise<void> {
    await page.locator('main h1, h1').first().waitFor();
    // pages settle: nothing is still loading
    await expect.poll(() => page.getByText('Loading…', { exact: true }).count(), { timeout: 15_000 }).toBe(0);
  }

  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`shows no ISO instant on any page of the journey (${label}, ${viewport.width} px)`, async () => {
      const page = await web.newPage(viewport, { timezoneId: ZONE });
      await signInAs(page, admin);
      const problems: string[] = [];
      for (const p of paths) {
        await page.goto(p.path);
        await settle(page);
        if (p.open) await p.open(page);
        await settle(page);
        for (const hit of await instantsShown(page)) problems.push(`${p.name} (${p.path}) ${hit}`);
      }
      expect(problems).toEqual([]);
      // the user's own note is shown as written
      await page.goto(paths.find((p) => p.name === 'incident page')!.path);
      await page.locator('[data-user-text]').filter({ hasText: 'Deploy 2026-12-01T10:00:00Z rolled back' }).waitFor();
      // the scan is not blind: without the mark, the note's instant is found
      await page.evaluate(() => document.querySelectorAll('[data-user-text]').forEach((el) => el.removeAttribute('data-user-text')));
      expect((await instantsShown(page)).join('\n')).toContain('2026-12-01T10:00');
      await page.context().close();
    }, 180_000);
  }

  it('a form error that mentions an instant shows it in the viewer zone: an override ending before it starts', async () => {
    const page = await web.newPage(DESKTOP, { timezoneId: ZONE });
    await signInAs(page, admin);
    await page.goto(`/schedules/${scheduleId}`);
    await page.getByRole('heading', { name: 'Overrides' }).waitFor();
    const day = wallClockOf(Date.now() + 2 * 86_400_000, ZONE);
    await page.getByLabel('Who is on call').selectOption({ label: 'Alice Example' });
    await page.getByLabel(/^From \(your zone/).fill(`${day.date}T18:00`);
    await page.getByLabel(/^Until \(your zone/).fill(`${day.date}T10:00`);
    await page.getByRole('button', { name: 'Add override' }).click();
    const error = page.locator('.field-error').first();
    await error.waitFor();
    const text = (await error.textContent()) ?? '';
    // "must be after start (Wed 9 Dec, 18:00)"
    const weekday = day.weekday.slice(0, 1).toUpperCase() + day.weekday.slice(1, 3);
    // (the form capitalises the API's field message: "Must be after start …")
    expect(text.toLowerCase()).toContain(`must be after start (${weekday.toLowerCase()} `);
    expect(text).toContain('18:00)');
    expect(text).not.toMatch(ISO_INSTANT);
    expect(await instantsShown(page)).toEqual([]);
  }, 60_000);

  it('resolving while its alerts fire asks first and says what happens when they fire again', async () => {
    const page = await web.newPage(PHONE, { timezoneId: ZONE });
    await signInAs(page, admin);
    await page.goto(paths.find((p) => p.name === 'incident page')!.path);
    await page.getByRole('button', { name: 'Resolve' }).click();
    const ask = page.getByRole('group', { name: 'Confirm resolving while alerts still fire' });
    expect(await ask.textContent()).toContain('1 alert still fires.');
    expect(await ask.textContent()).toContain('a new incident opens and pages');
    await ask.getByRole('button', { name: 'Keep it open' }).click();
    expect(await page.locator('.incident-head .status').textContent()).toBe('triggered');
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.getByRole('button', { name: 'Yes, resolve' }).click();
    await expect.poll(() => page.locator('.incident-head .status').textContent()).toBe('resolved');
    await expect.poll(() => page.getByRole('list', { name: 'Timeline events' }).textContent()).toContain('Resolved by Ada Admin in the web UI while 1 alert still fired');
  }, 60_000);
});
