// Storm mode (docs/noise.md "Storm mode", issue 17 §4) through the real api,
// worker runtime, Postgres and Redis: a burst of alert groups on one service
// opens every incident and pages once per storm.
import { randomUUID } from 'node:crypto';
import { endQuietStorms } from '@heinrich/usecases/storms/end-quiet-storms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEscalationWorld, type EscalationWorld } from '../escalation/escalation-world';
import { eventually } from '../worker/eventually';

const AM = '/api/v1/integrations/alertmanager';

let world: EscalationWorld;
beforeAll(async () => {
  world = await startEscalationWorld();
});
afterAll(async () => {
  await world?.close();
});

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

async function alertmanagerService(noise?: unknown): Promise<{ id: string; secret: string }> {
  const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: world.people.alice.id }] }]);
  const svc = await world.service({ policyId });
  if (noise) {
    const r = await world.api.admin('PATCH', `/api/v1/services/${svc.id}`, { noise });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
  const key = await world.api.admin('POST', `/api/v1/services/${svc.id}/integration-keys`, { type: 'alertmanager' });
  expect(key.status).toBe(201);
  return { id: svc.id, secret: key.body.key as string };
}

/** Posts `n` distinct groups at once (2/3 KubePodCrashLooping, 1/3 KubeNodeNotReady); returns the HTTP statuses. */
async function burst(secret: string, n: number): Promise<number[]> {
  const posts = Array.from({ length: n }, (_, i) => world.api.post(AM, group(i % 3 === 2 ? 'KubeNodeNotReady' : 'KubePodCrashLooping', `n${i}`), secret));
  return (await Promise.all(posts)).map((r) => r.status);
}

/** Once the worker has handled every incident's incident.opened: the service's incidents, with storm and pages. */
async function settled(serviceId: string, n: number) {
  const db = world.api.db.pool;
  await eventually(`the worker to handle the ${n} incidents`, async () => {
    const r = await db.query(
      `SELECT count(DISTINCT i.id)::int AS n FROM incidents i JOIN incident_events e ON e.incident_id = i.id
        WHERE i.service_id = $1 AND e.type IN ('escalation_started', 'escalation_not_started', 'storm_held')`,
      [serviceId],
    );
    return r.rows[0].n === n;
  });
  const r = await db.query<{ id: string; stormId: string | null; pages: number; stormEvents: string[] }>(
    `SELECT i.id, i.storm_id AS "stormId",
            (SELECT count(*)::int FROM notifications n WHERE n.incident_id = i.id) AS pages,
            ARRAY(SELECT e.message FROM incident_events e WHERE e.incident_id = i.id AND e.type IN ('storm_started', 'storm_held') ORDER BY e.seq) AS "stormEvents"
       FROM incidents i WHERE i.service_id = $1 ORDER BY i.number`,
    [serviceId],
  );
  return r.rows;
}

describe('storm mode', () => {
  let svc: { id: string; secret: string };
  let stormId: string;

  it('30 distinct alert groups in a burst: 30 incidents, every alert stored, every request 2xx, one storm, at most 8 pages', async () => {
    svc = await alertmanagerService();
    const statuses = await burst(svc.secret, 30);
    expect(statuses.filter((s) => s < 200 || s >= 300)).toEqual([]);

    const incidents = await settled(svc.id, 30);
    expect(incidents).toHaveLength(30);
    const alerts = await world.api.db.pool.query(`SELECT count(*)::int AS n FROM alerts WHERE service_id = $1`, [svc.id]);
    expect(alerts.rows[0].n).toBe(30);
    const pages = incidents.reduce((sum, i) => sum + i.pages, 0);
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(8);

    const storms = await world.api.db.pool.query(`SELECT id, title, incident_count AS "incidentCount", ended_at AS "endedAt" FROM storms WHERE service_id = $1`, [svc.id]);
    expect(storms.rows).toHaveLength(1);
    const storm = storms.rows[0];
    stormId = storm.id;
    expect(storm.title).toMatch(/^Storm on svc-\w+: \d+ new incidents in 5 min — KubePodCrashLooping ×\d+, KubeNodeNotReady ×\d+$/);
    expect(storm.endedAt).toBeNull();

    // (6 when the worker handles them in order; more when a later one is handled first: the count is true either way)
    // each incident opened during the storm carries it and says so on its timeline
    const inStorm = incidents.filter((i) => i.stormId === stormId);
    expect(inStorm.length).toBe(storm.incidentCount);
    expect(inStorm.length).toBeGreaterThanOrEqual(24);
    for (const i of inStorm) {
      expect(i.stormEvents).toHaveLength(1);
      expect(i.stormEvents[0]).toContain(`torm ${stormId}`);
    }
    // held incidents were not paged; the one that started the storm pages as the storm page
    const held = inStorm.filter((i) => i.stormEvents[0]!.startsWith('Held by storm'));
    expect(held.length).toBe(inStorm.length - 1);
    expect(held.every((i) => i.pages === 0)).toBe(true);
    const starter = inStorm.find((i) => i.stormEvents[0]!.startsWith('Storm '))!;
    expect(starter.pages).toBe(1);
    // the API says which storm each incident belongs to
    const heldJson = await world.api.admin('GET', `/api/v1/incidents/${held[0]!.id}`);
    expect(heldJson.body.storm).toEqual({ id: stormId, role: 'held' });
    const list = await world.api.admin('GET', `/api/v1/incidents?serviceId=${svc.id}&limit=100`);
    expect(list.status).toBe(200);
    const items = list.body.items as { storm: { id: string } | null }[];
    expect(items.filter((i) => i.storm?.id === stormId)).toHaveLength(inStorm.length);
    expect(items.filter((i) => i.storm === null)).toHaveLength(30 - inStorm.length);
  });

  it('the incidents opened before the storm paged on their own and carry no storm', async () => {
    const before = await settled(svc.id, 30);
    const first = before[0]!;
    expect(first.stormId).toBeNull();
    expect(first.pages).toBe(1);
  });

  it('the storm ends after storm.quietSeconds without a new incident, with its totals on the timeline', async () => {
    const early = await endQuietStorms(world.api.ctx, new Date(Date.now() + 60_000));
    expect(early.ended).toBe(0);
    const outcome = await endQuietStorms(world.api.ctx, new Date(Date.now() + 601_000));
    expect(outcome.ended).toBe(1);
    const r = await world.api.db.pool.query(
      `SELECT st.ended_at AS "endedAt", st.incident_count AS "incidentCount", e.message
         FROM storms st JOIN incident_events e ON e.incident_id = st.started_by_incident_id AND e.type = 'storm_ended' WHERE st.id = $1`,
      [stormId],
    );
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0].endedAt).not.toBeNull();
    expect(r.rows[0].message).toBe(`Storm ${stormId} ended after 10 min without a new incident: ${r.rows[0].incidentCount} incidents in the storm, ${r.rows[0].incidentCount - 1} held by it`);
  });

  it('a service with storm mode off pages each incident', async () => {
    const off = await alertmanagerService({ storm: { enabled: false } });
    const statuses = await burst(off.secret, 8);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const incidents = await settled(off.id, 8);
    expect(incidents.map((i) => i.pages)).toEqual(Array.from({ length: 8 }, () => 1));
    expect(incidents.every((i) => i.stormId === null)).toBe(true);
  });
});
