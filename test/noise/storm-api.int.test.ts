// The storm API (docs/noise.md "Storm mode", issue 17 §4): GET /api/v1/storms and
// /storms/{id}, acknowledge-all and resolve-all, the incident's storm role, and
// Explain of a held incident — through the real api, worker runtime, Postgres and Redis.
import { randomUUID } from 'node:crypto';
import { stormActionJson, stormDetailJson, stormJson } from '@heinrich/contracts/storms';
import { explainIncidentResponse, incidentDetailJson } from '@heinrich/contracts/incidents';
import { page } from '@heinrich/contracts/primitives';
import { endQuietStorms } from '@heinrich/usecases/storms/end-quiet-storms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { startEscalationWorld, type EscalationWorld } from '../escalation/escalation-world';
import type { HttpResult } from '../support/api-server';
import { eventually } from '../worker/eventually';

const AM = '/api/v1/integrations/alertmanager';

let world: EscalationWorld;
beforeAll(async () => {
  world = await startEscalationWorld();
});
afterAll(async () => {
  await world?.close();
});

function shape<S extends z.ZodType>(res: HttpResult, status: number, schema: S): z.infer<S> {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const parsed = schema.safeParse(res.body);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  return parsed.data as z.infer<S>;
}

/** One Alertmanager notification of its own group: one alert on node `node`. */
function group(alertname: string, node: string) {
  const labels = { alertname, node, severity: 'critical' };
  return {
    receiver: 'webhook',
    status: 'firing',
    alerts: [
      {
        status: 'firing',
        labels,
        annotations: { summary: `${alertname} on ${node}` },
        startsAt: new Date().toISOString(),
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: '',
        fingerprint: randomUUID().replaceAll('-', '').slice(0, 16),
      },
    ],
    groupLabels: { alertname, node },
    commonLabels: labels,
    commonAnnotations: {},
    externalURL: 'http://alertmanager.test',
    version: '4',
    groupKey: `{}:{alertname="${alertname}", node="${node}"}`,
    truncatedAlerts: 0,
  };
}

/** A service paging alice, whose 3rd incident within 5 minutes starts a storm; returns its id, name and Alertmanager key. */
async function stormyService(): Promise<{ id: string; name: string; secret: string }> {
  const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: world.people.alice.id }] }]);
  const svc = await world.service({ policyId, noise: { storm: { incidents: 2 } } });
  const key = await world.api.admin('POST', `/api/v1/services/${svc.id}/integration-keys`, { type: 'alertmanager' });
  expect(key.status).toBe(201);
  const name = (await world.api.admin('GET', `/api/v1/services/${svc.id}`)).body.name as string;
  return { id: svc.id, name, secret: key.body.key as string };
}

/** Posts `n` groups one at a time, each once the worker decided the one before (so the storm starts at the 3rd). */
async function storm(svc: { id: string; secret: string }, n: number): Promise<string> {
  const db = world.api.db.pool;
  for (let i = 0; i < n; i++) {
    const r = await world.api.post(AM, group(i % 3 === 2 ? 'KubeNodeNotReady' : 'KubePodCrashLooping', `n${i}-${randomUUID().slice(0, 4)}`), svc.secret);
    expect(r.status).toBe(200);
    await eventually(`the worker to decide incident ${i + 1}`, async () => {
      const d = await db.query(
        `SELECT count(DISTINCT i.id)::int AS n FROM incidents i JOIN incident_events e ON e.incident_id = i.id
          WHERE i.service_id = $1 AND e.type IN ('escalation_started', 'escalation_not_started', 'storm_held')`,
        [svc.id],
      );
      return d.rows[0].n === i + 1;
    });
  }
  const r = await db.query<{ id: string }>(`SELECT id FROM storms WHERE service_id = $1`, [svc.id]);
  expect(r.rows).toHaveLength(1);
  return r.rows[0]!.id;
}

describe('storms API', () => {
  let svc: { id: string; name: string; secret: string };
  let stormId: string;

  it('GET /api/v1/storms/{id}: service, start, the storm page, its incidents, counts by alertname and totals', async () => {
    svc = await stormyService();
    stormId = await storm(svc, 8);
    const s = shape(await world.api.admin('GET', `/api/v1/storms/${stormId}`), 200, stormDetailJson);
    expect(s).toMatchObject({ id: stormId, serviceId: svc.id, serviceName: svc.name, active: true, endedAt: null, trigger: { incidents: 3, windowSeconds: 300 } });
    expect(s.title).toBe(`Storm on ${svc.name}: 3 new incidents in 5 min — KubePodCrashLooping ×2, KubeNodeNotReady ×1`);
    // the first two paged on their own; the 3rd started it; the other five were held
    expect(s.totals).toEqual({ incidents: 6, held: 5, triggered: 6, acknowledged: 0, resolved: 0 });
    expect(s.incidents).toHaveLength(6);
    expect(s.incidents.map((i) => i.storm?.role).sort()).toEqual(['held', 'held', 'held', 'held', 'held', 'page']);
    expect(s.incidents.find((i) => i.storm?.role === 'page')!.number).toBe(s.pageIncident.number);
    // newest first
    expect(s.incidents.map((i) => i.number)).toEqual([...s.incidents.map((i) => i.number)].sort((a, b) => b - a));
    expect(s.counts).toEqual([
      { alertname: 'KubePodCrashLooping', count: 4 },
      { alertname: 'KubeNodeNotReady', count: 2 },
    ]);
  });

  it('the incident API says which incident is the storm page and which are held', async () => {
    const s = (await world.api.admin('GET', `/api/v1/storms/${stormId}`)).body;
    const pageIncident = shape(await world.api.admin('GET', `/api/v1/incidents/${s.pageIncident.number}`), 200, incidentDetailJson);
    expect(pageIncident.storm).toEqual({ id: stormId, role: 'page' });
    const heldId = s.incidents.find((i: { storm: { role: string } }) => i.storm.role === 'held').id;
    expect((await world.api.admin('GET', `/api/v1/incidents/${heldId}`)).body.storm).toEqual({ id: stormId, role: 'held' });
    const list = await world.api.admin('GET', `/api/v1/incidents?stormId=${stormId}&limit=100`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(6);
  });

  it("Explain of a held incident: held by the storm, the numbers that started it and the storm page", async () => {
    const s = (await world.api.admin('GET', `/api/v1/storms/${stormId}`)).body;
    const held = s.incidents.find((i: { storm: { role: string } }) => i.storm.role === 'held');
    const explain = shape(await world.api.admin('GET', `/api/v1/incidents/${held.id}/explain`), 200, explainIncidentResponse);
    const alice = explain.people.find((p) => p.userId === world.people.alice.id);
    expect(alice, 'the storm page policy names alice').toBeDefined();
    expect(alice).toMatchObject({ paged: false, reached: false });
    expect(alice!.reasons).toMatchObject([
      { code: 'held_by_storm', message: `held by storm ${stormId}: the 3rd new incident on ${svc.name} in 5 min started it; the storm page is incident #${s.pageIncident.number}` },
    ]);
  });

  it('GET /api/v1/storms: newest first, by service, active or not, paged', async () => {
    const other = await stormyService();
    const second = await storm(other, 4);
    const all = shape(await world.api.admin('GET', '/api/v1/storms?limit=200'), 200, page(stormJson));
    expect(all.items.map((s) => s.id).slice(0, 2)).toEqual([second, stormId]);
    const mine = shape(await world.api.admin('GET', `/api/v1/storms?serviceId=${svc.id}`), 200, page(stormJson));
    expect(mine.items.map((s) => s.id)).toEqual([stormId]);
    expect(mine.nextCursor).toBeNull();

    const first = shape(await world.api.admin('GET', '/api/v1/storms?limit=1'), 200, page(stormJson));
    expect(first.items.map((s) => s.id)).toEqual([second]);
    const next = shape(await world.api.admin('GET', `/api/v1/storms?limit=1&cursor=${first.nextCursor}`), 200, page(stormJson));
    expect(next.items.map((s) => s.id)).toEqual([stormId]);

    // the second storm ends: it leaves ?active=true
    await endQuietStorms(world.api.ctx, new Date(Date.now() + 3_600_000));
    const active = shape(await world.api.admin('GET', '/api/v1/storms?active=true&limit=200'), 200, page(stormJson));
    const ended = shape(await world.api.admin('GET', '/api/v1/storms?active=false&limit=200'), 200, page(stormJson));
    expect(active.items.map((s) => s.id)).not.toContain(second);
    expect(ended.items.map((s) => s.id)).toContain(second);
    expect(ended.items.find((s) => s.id === second)!.endedAt).not.toBeNull();
  });

  it('a malformed id or filter is a 400 naming it; an unknown storm a 404', async () => {
    const bad = await world.api.admin('GET', '/api/v1/storms/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([{ path: 'id', message: 'must be a storm id (a UUID)' }]);
    expect((await world.api.admin('POST', '/api/v1/storms/42/acknowledge', {})).status).toBe(400);
    const unknown = await world.api.admin('GET', `/api/v1/storms/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect((await world.api.admin('POST', `/api/v1/storms/${randomUUID()}/resolve`, {})).status).toBe(404);
    const filter = await world.api.admin('GET', '/api/v1/storms?active=maybe');
    expect(filter.status).toBe(400);
    expect(filter.body.error.fields[0].path).toBe('active');
    expect((await world.api.admin('GET', '/api/v1/storms?serviceId=x')).status).toBe(400);
  });

  it('acknowledge-all: only who may acknowledge the storm page; every unacknowledged incident, each with its own entry and event; audit-logged', async () => {
    const viewer = await world.api.createUser({ name: 'Vic Viewer', teams: { [world.team.id]: 'viewer' } });
    const refused = await viewer.call('POST', `/api/v1/storms/${stormId}/acknowledge`, {});
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/^Only responders and leads of team/);

    // one incident is acknowledged already: it is left as it is
    const before = (await world.api.admin('GET', `/api/v1/storms/${stormId}`)).body;
    const one = before.incidents.find((i: { storm: { role: string } }) => i.storm.role === 'held');
    expect((await world.api.admin('POST', `/api/v1/incidents/${one.id}/acknowledge`, {})).status).toBe(200);

    const rita = await world.api.createUser({ name: 'Rita Responder', teams: { [world.team.id]: 'responder' } });
    const result = shape(await rita.call('POST', `/api/v1/storms/${stormId}/acknowledge`, {}), 200, stormActionJson);
    expect(result.action).toBe('acknowledge');
    expect(result.changed).toBe(5);
    expect(result.incidents.map((i) => i.number)).toContain(before.pageIncident.number);
    expect(result.storm.totals).toMatchObject({ triggered: 0, acknowledged: 6 });

    const db = world.api.db.pool;
    for (const i of result.incidents) {
      const entries = await db.query(`SELECT message FROM incident_events WHERE incident_id = $1 AND type = 'acknowledged'`, [i.id]);
      expect(entries.rows.map((r) => r.message)).toEqual(['Acknowledged by Rita Responder via ui']);
      const outbox = await db.query(`SELECT count(*)::int AS n FROM outbox WHERE topic = 'incident.acknowledged' AND incident_id = $1`, [i.id]);
      expect(outbox.rows[0].n).toBe(1);
    }
    // the storm page's escalation stops, as for one incident
    await eventually('the storm page escalation to stop', async () => (await world.timeline(before.pageIncident.id, ['escalation_stopped'])).length === 1);

    const audit = await world.api.admin('GET', `/api/v1/audit-log?entityType=storm&entityId=${stormId}`);
    expect(audit.status).toBe(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ action: 'storm.acknowledge', actor: `user:${rita.id}`, after: { changed: 5 } });

    // repeating changes nothing
    const again = shape(await rita.call('POST', `/api/v1/storms/${stormId}/acknowledge`, {}), 200, stormActionJson);
    expect(again.changed).toBe(0);
    expect((await world.api.admin('GET', `/api/v1/audit-log?entityType=storm&entityId=${stormId}`)).body.items).toHaveLength(1);
  });

  it('resolve-all resolves every open incident of the storm, each with its resolved entry', async () => {
    const result = shape(await world.api.admin('POST', `/api/v1/storms/${stormId}/resolve`, {}), 200, stormActionJson);
    expect(result.changed).toBe(6);
    expect(result.storm.totals).toMatchObject({ triggered: 0, acknowledged: 0, resolved: 6 });
    const entries = await world.api.db.pool.query(
      `SELECT count(*)::int AS n FROM incident_events e JOIN incidents i ON i.id = e.incident_id WHERE i.storm_id = $1 AND e.type = 'resolved'`,
      [stormId],
    );
    expect(entries.rows[0].n).toBe(6);
    // the incidents before the storm are not the storm's: still open
    const outside = await world.api.db.pool.query(`SELECT status FROM incidents WHERE service_id = $1 AND storm_id IS NULL`, [svc.id]);
    expect(outside.rows.map((r) => r.status)).toEqual(['triggered', 'triggered']);
    expect(shape(await world.api.admin('POST', `/api/v1/storms/${stormId}/resolve`, {}), 200, stormActionJson).changed).toBe(0);
  });
});
