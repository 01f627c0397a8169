// Storms in the web UI (docs/noise.md "Storm mode"), in real Chromium against the
// real api and worker: the storm badge on incidents (list and page) links to the
// storm; the storm page incident offers "Acknowledge all N incidents of this
// storm"; the storm's page lists its incidents and counts, and resolve-all asks first.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../worker/eventually';
import { startTestWorker, type TestWorker } from '../worker/start-test-worker';
import { signInAs, startWeb, type WebWorld } from './browser';

describe('storms (web UI)', () => {
  let web: WebWorld;
  let worker: TestWorker;
  let teamId: string;
  let serviceId: string;
  let key: string;

  beforeAll(async () => {
    web = await startWeb();
    worker = await startTestWorker({ databaseUrl: web.api.databaseUrl, redisUrl: web.api.redisUrl, redisPrefix: web.api.redisPrefix });
    teamId = (await web.api.admin('POST', '/api/v1/teams', { name: 'Platform' })).body.id;
    const service = await web.api.admin('POST', '/api/v1/services', { name: 'Collector', teamId });
    serviceId = service.body.id;
    // the 3rd incident within 5 minutes starts a storm
    expect((await web.api.admin('PATCH', `/api/v1/services/${serviceId}`, { noise: { storm: { incidents: 2 } } })).status).toBe(200);
    key = (await web.api.admin('POST', `/api/v1/services/${serviceId}/integration-keys`, { type: 'events' })).body.key;
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await web?.close();
  });

  /** Opens `n` incidents one at a time (each decided by the worker before the next); their numbers. */
  async function incidents(n: number): Promise<number[]> {
    const numbers: number[] = [];
    for (let i = 0; i < n; i++) {
      const res = await web.api.post('/api/v1/integrations/events', {
        routing_key: key,
        event_action: 'trigger',
        dedup_key: randomUUID(),
        payload: { summary: i % 2 === 0 ? 'Collector queue full' : 'Collector pod crash looping', source: `node-${i}`, severity: 'critical' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      numbers.push(res.body.incident_number);
      await eventually(`the worker to decide incident ${i + 1}`, async () => {
        const r = await web.api.db.pool.query(
          `SELECT count(DISTINCT i.id)::int AS n FROM incidents i JOIN incident_events e ON e.incident_id = i.id
            WHERE i.service_id = $1 AND e.type IN ('escalation_started', 'escalation_not_started', 'storm_held')`,
          [serviceId],
        );
        return r.rows[0].n === i + 1;
      });
    }
    return numbers;
  }

  it('badges link to the storm; the storm page incident acknowledges all; the storm page resolves all after asking', async () => {
    const numbers = await incidents(5);
    const pageNumber = numbers[2]!;
    const stormId = (await web.api.db.pool.query(`SELECT id FROM storms WHERE service_id = $1`, [serviceId])).rows[0].id as string;
    const rita = await web.api.createUser({ name: 'Rita Responder', teams: { [teamId]: 'responder' } });
    const page = await web.newPage();
    await signInAs(page, rita);

    // the list: the storm's incidents under one storm row; shown, a badge on every incident of the storm, none on the two before it
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
    const row = (n: number) => page.getByRole('row').filter({ has: page.getByRole('link', { name: new RegExp(`^#${n} `) }) });
    await page.getByRole('button', { name: 'Show 3 incidents of the storm on Collector' }).click();
    await row(pageNumber).getByRole('link', { name: 'Storm page' }).waitFor();
    for (const n of numbers.slice(3)) await row(n).getByRole('link', { name: 'Held by storm' }).waitFor();
    for (const n of numbers.slice(0, 2)) expect(await row(n).locator('.badge.storm').count()).toBe(0);

    // the storm page incident: acknowledging offers the whole storm
    await page.goto(`/incidents/${pageNumber}`);
    await page.getByRole('heading', { name: new RegExp(`^#${pageNumber} `) }).waitFor();
    expect(await page.locator('.incident-head').getByRole('link', { name: 'Storm page' }).getAttribute('href')).toBe(`/storms/${stormId}`);
    await page.getByRole('button', { name: 'Acknowledge all 3 incidents of this storm' }).click();
    await page.getByText('Acknowledged 3 incidents of the storm.').waitFor();
    await expect.poll(() => page.locator('.incident-head .status').textContent()).toBe('acknowledged');
    const stormIncidents = await web.api.admin('GET', `/api/v1/incidents?stormId=${stormId}`);
    expect(stormIncidents.body.items.map((i: { status: string }) => i.status)).toEqual(['acknowledged', 'acknowledged', 'acknowledged']);

    // the storm's own page, through the badge
    await page.locator('.incident-head').getByRole('link', { name: 'Storm page' }).click();
    await page.getByRole('heading', { name: /^Storm on Collector: 3 new incidents in 5 min/ }).waitFor();
    const counts = page.getByRole('list', { name: 'Incidents by alertname' });
    await expect.poll(() => counts.textContent()).toContain('×');
    const table = page.getByRole('table', { name: 'Incidents of the storm' });
    for (const n of numbers.slice(2)) await table.getByRole('link', { name: new RegExp(`^#${n} `) }).waitFor();
    expect(await table.getByRole('link', { name: new RegExp(`^#${numbers[0]} `) }).count()).toBe(0);

    // resolve-all asks first; keeping them open changes nothing
    await page.getByRole('button', { name: 'Resolve all 3…' }).click();
    const confirm = page.getByRole('group', { name: 'Confirm resolving every incident of the storm' });
    await confirm.getByRole('button', { name: 'Keep them open' }).click();
    expect(await confirm.count()).toBe(0);
    expect((await web.api.admin('GET', `/api/v1/incidents?stormId=${stormId}&status=resolved`)).body.items).toHaveLength(0);
    await page.getByRole('button', { name: 'Resolve all 3…' }).click();
    await page.getByRole('button', { name: 'Yes, resolve all 3' }).click();
    await page.getByText('Resolved 3 incidents.').waitFor();
    expect((await web.api.admin('GET', `/api/v1/incidents?stormId=${stormId}&status=resolved`)).body.items).toHaveLength(3);
    // the incidents before the storm are untouched
    for (const n of numbers.slice(0, 2)) expect((await web.api.admin('GET', `/api/v1/incidents/${n}`)).body.status).toBe('triggered');
  });
});
