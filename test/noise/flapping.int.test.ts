// Flapping (docs/noise.md "Flapping", issue 17 §3) through the real api,
// worker runtime, Postgres and Redis: one alert firing and resolving over and
// over pages at most twice, its incident stays open while it flaps, resolves
// once the group has been quiet for the flap window, re-opens when it fires
// again soon after; a person's resolve ends the flapping.
import { randomUUID } from 'node:crypto';
import { endQuietFlaps } from '@heinrich/usecases/flapping/end-quiet-flaps';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEscalationWorld, type EscalationWorld } from '../escalation/escalation-world';
import { eventually } from '../worker/eventually';

const AM = '/api/v1/integrations/alertmanager';
const WINDOW_MS = 1_800_000;

let world: EscalationWorld;
beforeAll(async () => {
  world = await startEscalationWorld();
});
afterAll(async () => {
  await world?.close();
});

/** One alert of one group: each firing is a new occurrence (a new startsAt, as Prometheus sends after a resolve). */
function flappingAlert() {
  const fingerprint = randomUUID().replaceAll('-', '').slice(0, 16);
  const labels = { alertname: 'DiskLatencyHigh', node: `d-${fingerprint.slice(0, 4)}`, severity: 'critical' };
  let startsAt = new Date(Date.now() - 60_000);
  let fired = 0;
  const notification = (status: 'firing' | 'resolved') => ({
    receiver: 'webhook',
    status,
    alerts: [
      {
        status,
        labels,
        annotations: { summary: 'Disk latency above 50 ms' },
        startsAt: startsAt.toISOString(),
        endsAt: status === 'firing' ? '0001-01-01T00:00:00Z' : new Date().toISOString(),
        generatorURL: '',
        fingerprint,
      },
    ],
    groupLabels: { alertname: labels.alertname, node: labels.node },
    commonLabels: labels,
    commonAnnotations: {},
    externalURL: 'http://alertmanager.test',
    version: '4',
    groupKey: `{}:{alertname="${labels.alertname}", node="${labels.node}"}`,
    truncatedAlerts: 0,
  });
  return {
    fire() {
      if (fired++ > 0) startsAt = new Date(startsAt.getTime() + 1_000);
      return notification('firing');
    },
    resolve: () => notification('resolved'),
  };
}

async function alertmanagerService(noise?: unknown): Promise<{ id: string; secret: string }> {
  const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: world.people.alice.id }] }]);
  const svc = await world.service({ policyId, noise: { storm: { enabled: false }, ...(noise ?? {}) } });
  const key = await world.api.admin('POST', `/api/v1/services/${svc.id}/integration-keys`, { type: 'alertmanager' });
  expect(key.status).toBe(201);
  return { id: svc.id, secret: key.body.key as string };
}

type Incident = { id: string; number: number; status: string; flapping: boolean; timeline: { type: string; message: string }[] };

/** Once the worker has handled every outbox event of the service (step 1 pages in incident.opened's transaction): its incidents, oldest first, and the pages sent. */
async function settled(serviceId: string): Promise<{ incidents: Incident[]; pages: number }> {
  const db = world.api.db.pool;
  await eventually('the worker to handle every outbox event', async () => {
    const r = await db.query(`SELECT count(*)::int AS n FROM outbox o JOIN incidents i ON i.id = o.incident_id WHERE i.service_id = $1`, [serviceId]);
    return r.rows[0].n === 0;
  });
  const list = (await world.api.admin('GET', `/api/v1/incidents?serviceId=${serviceId}`)).body.items as { id: string; number: number }[];
  const incidents = await Promise.all(list.sort((a, b) => a.number - b.number).map(async (i) => (await world.api.admin('GET', `/api/v1/incidents/${i.id}`)).body as Incident));
  const pages = await db.query(`SELECT count(*)::int AS n FROM notifications n JOIN incidents i ON i.id = n.incident_id WHERE i.service_id = $1`, [serviceId]);
  return { incidents, pages: pages.rows[0].n };
}

async function post(secret: string, body: unknown) {
  const res = await world.api.post(AM, body, secret);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe('flapping', () => {
  let svc: { id: string; secret: string };
  let alert: ReturnType<typeof flappingAlert>;
  let flapper: Incident;

  it('firing, resolved, firing, resolved, firing within two minutes: at most 2 pages and 2 incidents; the open one is flapping', async () => {
    svc = await alertmanagerService();
    alert = flappingAlert();
    for (const body of [alert.fire(), alert.resolve(), alert.fire(), alert.resolve(), alert.fire()]) await post(svc.secret, body);

    const { incidents, pages } = await settled(svc.id);
    expect(incidents.length).toBeLessThanOrEqual(2);
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(2);
    const open = incidents.filter((i) => i.status !== 'resolved');
    expect(open).toHaveLength(1);
    flapper = open[0]!;
    expect(flapper.flapping).toBe(true);
    const types = flapper.timeline.map((e) => e.type);
    expect(types).toContain('flapping_started');
    expect(types).toContain('flap_suppressed');
    expect(flapper.timeline.find((e) => e.type === 'flapping_started')!.message).toMatch(/4 times in 30 min/);

    // the api counts the suppressed re-fire
    const metrics = await world.api.request('GET', '/metrics');
    expect(String(metrics.body)).toMatch(/heinrich_flap_suppressions_total\{source="alertmanager"\} [1-9]/);

    // the list says so too
    const list = await world.api.admin('GET', `/api/v1/incidents?serviceId=${svc.id}`);
    expect((list.body.items as { id: string; flapping: boolean }[]).find((i) => i.id === flapper.id)!.flapping).toBe(true);
  });

  it('explain states the flap suppression with the numbers that triggered it', async () => {
    const res = await world.api.admin('GET', `/api/v1/incidents/${flapper.id}/explain?userId=${world.people.alice.id}`);
    expect(res.status).toBe(200);
    const reasons = res.body.people[0].reasons as { code: string; message: string }[];
    const flap = reasons.filter((r) => r.code === 'flap_suppressed').map((r) => r.message);
    expect(flap.join('\n')).toMatch(/4 state changes \(firing ↔ resolved\) in 30 min \(threshold 4\)/);
    expect(flap.join('\n')).toMatch(/not paged again at .* \(flap suppression\)/);
  });

  it('while flapping, its incident stays open across resolves', async () => {
    await post(svc.secret, alert.resolve());
    const { incidents } = await settled(svc.id);
    expect(incidents.find((i) => i.id === flapper.id)).toMatchObject({ status: 'triggered', flapping: true });
  });

  it('it resolves by itself once the group stayed resolved for the flap window (the worker pass)', async () => {
    expect((await endQuietFlaps(world.api.ctx, new Date(Date.now() + 60_000))).ended).toBe(0);
    // two workers' passes at once: the group's lock and the re-check make it end once
    const later = new Date(Date.now() + WINDOW_MS + 1_000);
    const passes = await Promise.all([endQuietFlaps(world.api.ctx, later), endQuietFlaps(world.api.ctx, later)]);
    expect(passes.map((p) => p.ended).sort()).toEqual([0, 1]);
    const { incidents } = await settled(svc.id);
    const after = incidents.find((i) => i.id === flapper.id)!;
    expect(after).toMatchObject({ status: 'resolved', flapping: false });
    const types = after.timeline.map((e) => e.type).filter((t) => t === 'flapping_ended' || t === 'resolved');
    expect(types).toEqual(['flapping_ended', 'resolved']);
    expect(after.timeline.find((e) => e.type === 'flapping_ended')!.message).toMatch(/^Flapping ended: nothing has fired for 30 min \(6 state changes while it flapped\)/);
  });

  it('firing again within the flap window after it resolved by itself re-opens that incident instead of a new one, and pages no one', async () => {
    const before = await settled(svc.id);
    await post(svc.secret, alert.fire());
    const { incidents, pages } = await settled(svc.id);
    expect(incidents).toHaveLength(before.incidents.length);
    expect(pages).toBe(before.pages);
    const reopened = incidents.find((i) => i.id === flapper.id)!;
    expect(reopened).toMatchObject({ status: 'triggered', flapping: true });
    const entry = reopened.timeline.find((e) => e.type === 'flap_reopened')!;
    expect(entry.message).toMatch(/^Re-opened: its alerts fired again .* after incident #\d+ resolved by itself\. The group is flapping: 7 state changes/);
  });

  it('a person resolving it ends the flapping: the next firing opens a new incident that pages and says the group had been flapping', async () => {
    const res = await world.api.admin('POST', `/api/v1/incidents/${flapper.id}/resolve`);
    expect(res.status).toBe(200);
    const before = await settled(svc.id);
    const resolved = before.incidents.find((i) => i.id === flapper.id)!;
    expect(resolved).toMatchObject({ status: 'resolved', flapping: false });
    expect(resolved.timeline.filter((e) => e.type === 'flapping_ended').at(-1)?.message).toMatch(/^Flapping ended: resolved by hand \(7 state changes while it flapped\)/);

    // a new occurrence (it resolved and fired again at the source)
    await post(svc.secret, alert.resolve());
    await post(svc.secret, alert.fire());
    const { incidents, pages } = await settled(svc.id);
    expect(incidents).toHaveLength(before.incidents.length + 1);
    expect(pages).toBe(before.pages + 1);
    const fresh = incidents.at(-1)!;
    expect(fresh).toMatchObject({ status: 'triggered', flapping: false });
    expect(fresh.timeline.find((e) => e.type === 'flapped_before')?.message).toMatch(
      new RegExp(`^This group had been flapping \\(\\d+ state changes\\) until a person resolved incident #${flapper.number} by hand`),
    );
  });

  it('a re-opened incident is not a new incident for storm mode (flapping comes before storms)', async () => {
    // a storm starts at the 3rd incident within 5 min
    const svc2 = await alertmanagerService({ storm: { enabled: true, incidents: 2, windowSeconds: 300 } });
    const a = flappingAlert();
    for (const body of [a.fire(), a.resolve(), a.fire(), a.resolve()]) await post(svc2.secret, body);
    expect((await settled(svc2.id)).incidents).toHaveLength(2);
    expect((await endQuietFlaps(world.api.ctx, new Date(Date.now() + WINDOW_MS + 1_000))).ended).toBeGreaterThanOrEqual(1);
    await post(svc2.secret, a.fire());
    const { incidents } = await settled(svc2.id);
    expect(incidents).toHaveLength(2);
    expect(incidents[1]!.timeline.map((e) => e.type)).toContain('flap_reopened');
    const storms = await world.api.db.pool.query(`SELECT 1 FROM storms WHERE service_id = $1`, [svc2.id]);
    expect(storms.rowCount).toBe(0);
  });

  it('flapping off for the service: every firing after a resolve opens a new incident that pages', async () => {
    const off = await alertmanagerService({ flapping: { enabled: false } });
    const a = flappingAlert();
    // the worker pages each incident before it resolves
    for (const body of [a.fire(), a.resolve(), a.fire(), a.resolve(), a.fire()]) {
      if (body.status === 'resolved') await settled(off.id);
      await post(off.secret, body);
    }
    const { incidents, pages } = await settled(off.id);
    expect(incidents).toHaveLength(3);
    expect(pages).toBe(3);
    expect(incidents.map((i) => [i.status, i.flapping])).toEqual([
      ['resolved', false],
      ['resolved', false],
      ['triggered', false],
    ]);
  });
});
