// Maintenance windows (docs/maintenance-windows.md, issue 18) through the real
// api, worker runtime, Postgres and Redis, on the real clock: an alert under a
// window opens its incident marked `maintenance` and pages no one; ending the
// window while it still fires pages it (within the release pass's interval);
// an alert resolved during the window never pages. Bad input is a 400 naming
// the field; leads of the services' team manage windows, others read.
import { randomUUID } from 'node:crypto';
import { incidentDetailJson, incidentJson } from '@heinrich/contracts/incidents';
import { maintenanceHeldIncidentJson, maintenanceWindowJson } from '@heinrich/contracts/maintenance-windows';
import { page } from '@heinrich/contracts/primitives';
import { releaseEndedMaintenance } from '@heinrich/usecases/maintenance/release-ended-maintenance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEscalationWorld, type EscalationWorld } from '../escalation/escalation-world';
import { eventually } from '../worker/eventually';

const AM = '/api/v1/integrations/alertmanager';
const MW = '/api/v1/maintenance-windows';

let world: EscalationWorld;
beforeAll(async () => {
  world = await startEscalationWorld({ realClock: true, workerEnv: { MAINTENANCE_RELEASE_INTERVAL_MS: '500' } });
});
afterAll(async () => {
  await world?.close();
});

/** One Alertmanager notification of its own group, firing or resolved. */
function notification(alertname: string, labels: Record<string, string>, status: 'firing' | 'resolved', fingerprint: string, startsAt: string) {
  const all = { alertname, severity: 'critical', ...labels };
  return {
    receiver: 'webhook',
    status,
    alerts: [
      {
        status,
        labels: all,
        annotations: { summary: `${alertname}` },
        startsAt,
        endsAt: status === 'resolved' ? new Date().toISOString() : '0001-01-01T00:00:00Z',
        generatorURL: '',
        fingerprint,
      },
    ],
    groupLabels: { alertname },
    commonLabels: all,
    commonAnnotations: {},
    externalURL: 'http://alertmanager.test',
    version: '4',
    groupKey: `{}:{alertname="${alertname}"}`,
    truncatedAlerts: 0,
  };
}

/** An alert group of its own: send() fires it, resolve() resolves it. */
function alert(secret: string, alertname: string, labels: Record<string, string> = {}) {
  const fingerprint = randomUUID().replaceAll('-', '').slice(0, 16);
  const startsAt = new Date().toISOString();
  const send = async (status: 'firing' | 'resolved') => {
    const r = await world.api.post(AM, notification(alertname, labels, status, fingerprint, startsAt), secret);
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
  };
  return { fire: () => send('firing'), resolve: () => send('resolved') };
}

async function alertmanagerService(): Promise<{ id: string; secret: string }> {
  const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: world.people.alice.id }] }]);
  const svc = await world.service({ policyId });
  const key = await world.api.admin('POST', `/api/v1/services/${svc.id}/integration-keys`, { type: 'alertmanager' });
  expect(key.status).toBe(201);
  return { id: svc.id, secret: key.body.key as string };
}

/** The service's incident of this alertname, once the worker has decided about it (held or escalated). */
async function decided(serviceId: string, alertname: string) {
  return eventually(`the worker to decide about ${alertname}`, async () => {
    const r = await world.api.db.pool.query<{ id: string; number: number }>(
      `SELECT i.id, i.number FROM incidents i
        WHERE i.service_id = $1 AND i.title LIKE $2
          AND EXISTS (SELECT 1 FROM incident_events e WHERE e.incident_id = i.id AND e.type IN ('maintenance_held', 'escalation_started', 'escalation_not_started'))`,
      [serviceId, `%${alertname}%`],
    );
    return r.rows[0];
  });
}

const minutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

describe('a maintenance window covering a service from now for 10 minutes', () => {
  let svc: { id: string; secret: string };
  let windowId: string;

  it('is created (start defaults to now) and listed as active', async () => {
    svc = await alertmanagerService();
    const res = await world.api.admin('POST', MW, { serviceIds: [svc.id], end: minutes(10), reason: 'Upgrade PG' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    windowId = res.body.id;
    // answers match their contracts (strict: no missing or extra field)
    expect(maintenanceWindowJson.safeParse(res.body).error?.issues ?? []).toEqual([]);
    expect(res.body).toMatchObject({ reason: 'Upgrade PG', serviceIds: [svc.id], matchers: [], recurrence: null, active: true, heldIncidents: 0 });
    expect(res.body.services).toEqual([{ id: svc.id, name: expect.stringMatching(/^svc-/) }]);
    const active = await world.api.admin('GET', `${MW}?active=true`);
    expect(page(maintenanceWindowJson).safeParse(active.body).error?.issues ?? []).toEqual([]);
    expect(active.body.items.map((w: { id: string }) => w.id)).toContain(windowId);
    const audit = await world.api.db.pool.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [windowId]);
    expect(audit.rows.map((r) => r.action)).toEqual(['maintenance_window.create']);
  });

  let firing: { id: string; number: number };
  let resolvedOne: { id: string; number: number };

  it('an alert sent to it opens an incident marked `maintenance` that pages no one', async () => {
    await alert(svc.secret, 'PgReplicationLag').fire();
    firing = await decided(svc.id, 'PgReplicationLag');
    expect(await world.pages(firing.id)).toEqual([]);
    const held = await world.timeline(firing.id, ['maintenance_held', 'escalation_started']);
    expect(held.map((e) => e.type)).toEqual(['maintenance_held']);
    expect(held[0]!.message).toMatch(/^Held by maintenance "Upgrade PG": nobody is paged while it lasts/);
    // the API marks it, in the list and on its page
    const one = await world.api.admin('GET', `/api/v1/incidents/${firing.id}`);
    expect(one.body.maintenance).toMatchObject({ windowId, reason: 'Upgrade PG', releasedAt: null });
    expect(incidentDetailJson.safeParse(one.body).error?.issues ?? []).toEqual([]);
    const list = await world.api.admin('GET', `/api/v1/incidents?serviceId=${svc.id}`);
    expect(page(incidentJson).safeParse(list.body).error?.issues ?? []).toEqual([]);
    expect(list.body.items[0].maintenance).toMatchObject({ windowId, reason: 'Upgrade PG' });
    // no Slack channel post was queued for it
    const slack = await world.api.db.pool.query(`SELECT 1 FROM slack_messages WHERE incident_id = $1`, [firing.id]);
    expect(slack.rowCount).toBe(0);
    // explain: whom the service's policy names, held by the window, since when and until when
    const explained = await world.api.admin('GET', `/api/v1/incidents/${firing.id}/explain`);
    expect(explained.status).toBe(200);
    const alice = explained.body.people.find((p: { userId: string }) => p.userId === world.people.alice.id);
    expect(alice).toMatchObject({ paged: false, reasons: [{ code: 'held_by_maintenance', message: expect.stringMatching(new RegExp(`^held by maintenance window 'Upgrade PG' \\(${windowId}\\) since \\S+: nobody is paged while it lasts; it ends at \\S+, then it pages if it still fires$`)) }] });
    expect(alice.summary).toMatch(/^Alice was not paged: held by maintenance window 'Upgrade PG'/);
  });

  it('an alert resolved during the window resolves its incident', async () => {
    const a = alert(svc.secret, 'PgVacuumSlow');
    await a.fire();
    resolvedOne = await decided(svc.id, 'PgVacuumSlow');
    await a.resolve();
    await eventually('the incident to resolve', async () => (await world.api.admin('GET', `/api/v1/incidents/${resolvedOne.id}`)).body.status === 'resolved');
    expect(await world.pages(resolvedOne.id)).toEqual([]);
  });

  it('the window page lists what it held and whom each would have paged', async () => {
    const res = await world.api.admin('GET', `${MW}/${windowId}/incidents`);
    expect(res.status).toBe(200);
    expect(page(maintenanceHeldIncidentJson).safeParse(res.body).error?.issues ?? []).toEqual([]);
    const byId = new Map(res.body.items.map((i: { id: string }) => [i.id, i]));
    expect(byId.get(firing.id)).toMatchObject({ release: null, wouldHavePaged: [{ userId: world.people.alice.id, name: 'Alice' }] });
    expect(byId.get(resolvedOne.id)).toMatchObject({ status: 'resolved' });
    expect((await world.api.admin('GET', `${MW}/${windowId}`)).body.heldIncidents).toBe(2);
  });

  it('POST …/end while the alert still fires pages it within 60 s; the resolved one never pages', async () => {
    const ended = Date.now();
    const res = await world.api.admin('POST', `${MW}/${windowId}/end`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.active).toBe(false);
    await eventually('the held incident to page', async () => (await world.pages(firing.id)).length > 0, { timeoutMs: 60_000 });
    expect(Date.now() - ended).toBeLessThan(60_000);
    expect((await world.pages(firing.id)).map((p) => p.userId)).toEqual([world.people.alice.id]);
    const ends = await world.timeline(firing.id, ['maintenance_ended', 'escalation_started']);
    expect(ends.map((e) => e.type)).toEqual(['maintenance_ended', 'escalation_started']);
    expect(ends[0]!.message).toBe(`Still firing when maintenance 'Upgrade PG' ended (1 alert): paging now`);
    const resolvedEnd = await eventually('the resolved one to be released', async () => (await world.timeline(resolvedOne.id, ['maintenance_ended']))[0]);
    expect(resolvedEnd.message).toMatch(/resolved meanwhile: nobody paged/);
    expect(await world.pages(resolvedOne.id)).toEqual([]);
    expect((await world.api.admin('GET', `/api/v1/incidents/${firing.id}`)).body.maintenance.releasedAt).not.toBeNull();
    // explain: it paged after the window ended
    const explained = await world.api.admin('GET', `/api/v1/incidents/${firing.id}/explain?userId=${world.people.alice.id}`);
    expect(explained.body.people[0]).toMatchObject({ paged: true });
    expect(explained.body.people[0].reasons[0]).toMatchObject({
      code: 'held_by_maintenance',
      message: expect.stringMatching(new RegExp(`^held by maintenance window 'Upgrade PG' \\(${windowId}\\) from \\S+ until \\S+: 1 alert still fired when the window ended, so it paged after the window ended`)),
    });
    const resolvedExplained = await world.api.admin('GET', `/api/v1/incidents/${resolvedOne.id}/explain?userId=${world.people.alice.id}`);
    expect(resolvedExplained.body.people[0].reasons).toMatchObject([
      { code: 'held_by_maintenance', message: expect.stringMatching(/: the incident was resolved before the window ended: nobody was paged$/) },
    ]);
  });

  it('the worker counts held and released incidents', async () => {
    const text = await world.worker!.metricsText();
    expect(text).toMatch(/^heinrich_maintenance_held_incidents_total [1-9]/m);
    expect(text).toMatch(/^heinrich_maintenance_released_incidents_total [1-9]/m);
  });

  it('a second release pass (another worker, or after a Redis flush) pages no one again', async () => {
    const again = await releaseEndedMaintenance(world.api.ctx);
    expect(again.released).toEqual([]);
    expect(await world.pages(firing.id)).toHaveLength(1);
  });

  it('an alert after the window pages as usual', async () => {
    await alert(svc.secret, 'PgDiskFull').fire();
    const after = await decided(svc.id, 'PgDiskFull');
    await eventually('a page', async () => (await world.pages(after.id)).length === 1);
    expect((await world.api.admin('GET', `/api/v1/incidents/${after.id}`)).body.maintenance).toBeNull();
  });
});

describe('windows with matchers, PATCH and two release passes at once', () => {
  it('only alerts matching every matcher are held; PATCH with end now releases them, once across two passes', async () => {
    const svc = await alertmanagerService();
    const res = await world.api.admin('POST', MW, {
      serviceIds: [svc.id],
      start: minutes(-5),
      end: minutes(60),
      reason: 'Drain d01',
      matchers: ['node="d01"', 'namespace=~"batch-.*"'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const windowId = res.body.id as string;

    await alert(svc.secret, 'NodeCpu', { node: 'd01', namespace: 'batch-nightly' }).fire();
    await alert(svc.secret, 'NodeMem', { node: 'd02', namespace: 'batch-nightly' }).fire();
    const held = await decided(svc.id, 'NodeCpu');
    const paged = await decided(svc.id, 'NodeMem');
    expect((await world.api.admin('GET', `/api/v1/incidents/${held.id}`)).body.maintenance).toMatchObject({ windowId });
    expect((await world.api.admin('GET', `/api/v1/incidents/${paged.id}`)).body.maintenance).toBeNull();
    await eventually('the uncovered one to page', async () => (await world.pages(paged.id)).length === 1);
    expect(await world.pages(held.id)).toEqual([]);

    // extend it: still held
    const extended = await world.api.admin('PATCH', `${MW}/${windowId}`, { end: minutes(120) });
    expect(extended.status, JSON.stringify(extended.body)).toBe(200);
    expect(Date.parse(extended.body.end)).toBeGreaterThan(Date.now() + 100 * 60_000);
    // end it by PATCH: two passes racing (as two workers would) page it once
    const endedAt = await world.api.admin('PATCH', `${MW}/${windowId}`, { end: new Date().toISOString() });
    expect(endedAt.status).toBe(200);
    const [a, b] = await Promise.all([releaseEndedMaintenance(world.api.ctx), releaseEndedMaintenance(world.api.ctx)]);
    await eventually('the held one to page', async () => (await world.pages(held.id)).length > 0, { timeoutMs: 60_000 });
    expect(a.released.length + b.released.length).toBeLessThanOrEqual(1);
    expect(await world.pages(held.id)).toHaveLength(1);
    const audit = await world.api.db.pool.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY created_at`, [windowId]);
    expect(audit.rows.map((r) => r.action)).toEqual(['maintenance_window.create', 'maintenance_window.update', 'maintenance_window.update']);
  });
});

describe('deleting a window', () => {
  it('releases what it still held: a firing incident pages, keeping the reason', async () => {
    const svc = await alertmanagerService();
    const res = await world.api.admin('POST', MW, { serviceIds: [svc.id], end: minutes(30), reason: 'Swap disks' });
    expect(res.status).toBe(201);
    await alert(svc.secret, 'DiskSmart').fire();
    const held = await decided(svc.id, 'DiskSmart');
    expect(await world.pages(held.id)).toEqual([]);
    expect((await world.api.admin('DELETE', `${MW}/${res.body.id}`)).status).toBe(204);
    await eventually('the held incident to page', async () => (await world.pages(held.id)).length > 0, { timeoutMs: 60_000 });
    const ended = await world.timeline(held.id, ['maintenance_ended']);
    expect(ended[0]!.message).toBe(`Still firing when maintenance 'Swap disks' ended (1 alert): paging now`);
    expect((await world.api.admin('GET', `/api/v1/incidents/${held.id}`)).body.maintenance).toMatchObject({ windowId: null, reason: 'Swap disks' });
  });
});

describe('bad input and who may manage windows', () => {
  let svc: { id: string; secret: string };
  beforeAll(async () => {
    svc = await alertmanagerService();
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an end before the start', { start: minutes(10), end: minutes(5) }, 'end'],
    ['no end and no recurrence', { end: undefined }, 'end'],
    ['an unknown zone', { end: null, recurrence: { weekdays: ['sunday'], startTime: '02:00', endTime: '04:00', timeZone: 'Mars/Olympus' } }, 'recurrence.timeZone'],
    ['an invalid matcher', { matchers: ['node="d01"', 'namespace=~"("'] }, 'matchers.1'],
    ['an unknown service', { serviceIds: [randomUUID()] }, 'serviceIds.0'],
    ['a malformed time', { end: null, recurrence: { weekdays: ['sunday'], startTime: '2am', endTime: '04:00', timeZone: 'UTC' } }, 'recurrence.startTime'],
    ['a bad weekday', { end: null, recurrence: { weekdays: ['sundae'], startTime: '02:00', endTime: '04:00', timeZone: 'UTC' } }, 'recurrence.weekdays.0'],
    ['an empty reason', { reason: ' ' }, 'reason'],
    ['announce not a boolean', { announce: 'yes' }, 'announce'],
  ])('%s: 400 naming %s', async (_, over, field) => {
    const body = { serviceIds: [svc.id], end: minutes(10), reason: 'Upgrade PG', ...over };
    const res = await world.api.admin('POST', MW, body);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(res.body.error.message).toContain(field);
  });

  it('a recurring window: every Sunday 02:00-04:00 Europe/Berlin, with its next occurrence', async () => {
    const res = await world.api.admin('POST', MW, {
      serviceIds: [svc.id],
      reason: 'Weekly patching',
      recurrence: { weekdays: ['sunday'], startTime: '02:00', endTime: '04:00', timeZone: 'Europe/Berlin' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.end).toBeNull();
    const next = new Date(res.body.next.start);
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'long', hour: '2-digit', minute: '2-digit' }).format(next)).toMatch(/^Sunday (at )?0[23]:00$/);
  });

  it('leads of the service team manage windows; responders and viewers only read', async () => {
    const lead = await world.api.createApiKey({ role: 'lead', teamId: world.team.id });
    const responder = await world.api.createApiKey({ role: 'responder', teamId: world.team.id });
    const otherTeam = (await world.api.admin('POST', '/api/v1/teams', { name: `other-${randomUUID().slice(0, 8)}` })).body.id as string;
    const otherLead = await world.api.createApiKey({ role: 'lead', teamId: otherTeam });
    const body = { serviceIds: [svc.id], end: minutes(10), reason: 'By a lead' };

    const created = await world.api.withKey(lead.secret)('POST', MW, body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const denied = await world.api.withKey(responder.secret)('POST', MW, body);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toMatch(/^Only leads of team team-\w+ or admins can manage maintenance window "By a lead"/);
    expect((await world.api.withKey(otherLead.secret)('POST', `${MW}/${created.body.id}/end`)).status).toBe(403);
    expect((await world.api.withKey(responder.secret)('GET', `${MW}/${created.body.id}`)).status).toBe(200);
    expect((await world.api.withKey(responder.secret)('DELETE', `${MW}/${created.body.id}`)).status).toBe(403);
    expect((await world.api.withKey(lead.secret)('DELETE', `${MW}/${created.body.id}`)).status).toBe(204);
    expect((await world.api.admin('GET', `${MW}/${created.body.id}`)).status).toBe(404);
  });
});

describe('maintenance and storm mode (docs/noise.md "The order of the rules")', () => {
  it('held incidents do not count toward a storm; released together, they go through storm detection and page once for the storm', async () => {
    const svc = await alertmanagerService();
    const res = await world.api.admin('POST', MW, { serviceIds: [svc.id], end: minutes(30), reason: 'Cluster upgrade' });
    expect(res.status).toBe(201);
    const names = Array.from({ length: 8 }, (_, i) => `Burst${i}`);
    for (const n of names) await alert(svc.secret, n, { node: n }).fire();
    for (const n of names) await decided(svc.id, n);
    const storms = () => world.api.db.pool.query(`SELECT id, incident_count AS "incidentCount" FROM storms WHERE service_id = $1`, [svc.id]);
    // 8 incidents under the window: no storm, no page
    expect((await storms()).rows).toEqual([]);
    const pages = async () => (await world.api.db.pool.query(`SELECT count(*)::int AS n FROM notifications n JOIN incidents i ON i.id = n.incident_id WHERE i.service_id = $1`, [svc.id])).rows[0].n as number;
    expect(await pages()).toBe(0);

    expect((await world.api.admin('POST', `${MW}/${res.body.id}/end`)).status).toBe(200);
    await eventually('all 8 to be released', async () => {
      const r = await world.api.db.pool.query(`SELECT count(*)::int AS n FROM incidents WHERE service_id = $1 AND maintenance_released_at IS NOT NULL`, [svc.id]);
      return r.rows[0].n === 8;
    }, { timeoutMs: 60_000 });
    // the 6th released starts the storm: at most 6 pages (5 before it and the storm page), the rest held by the storm
    const storm = (await storms()).rows;
    expect(storm).toHaveLength(1);
    expect(await pages()).toBeGreaterThan(0);
    expect(await pages()).toBeLessThanOrEqual(6);
    const held = await world.api.db.pool.query(`SELECT count(*)::int AS n FROM incidents WHERE service_id = $1 AND storm_id IS NOT NULL`, [svc.id]);
    expect(held.rows[0].n).toBeGreaterThanOrEqual(3);
  });
});
