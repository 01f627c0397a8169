// Insights (issue 23, docs/insights.md): a known history and every number of the
// pyramid, response, people and noise tables (and recurring) checked against values
// worked out by hand, through the real api over HTTP.
//
// The history is INSERTED as rows (incidents, alerts, escalations, notifications,
// timeline entries, a storm, a silence): the real paths stamp everything with the
// database's now(), so a history at chosen instants across a DST change cannot be
// built through them. The one number ingest itself writes — `deduplicated`
// (alerts.dedup_count) — is also checked through the real Alertmanager endpoint.
import { randomUUID } from 'node:crypto';
import { insightsJson } from '@heinrich/contracts/insights';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { seedService } from '../support/seed-service';

let api: TestApi;
const q = (sql: string, params: unknown[] = []) => api.db.pool.query(sql, params);

// the period [2026-03-22, 2026-04-05) and the previous one [2026-03-08, 2026-03-22).
// Europe/Berlin moves from CET (+1) to CEST (+2) at 2026-03-29 01:00Z; America/New_York
// is on EDT (-4) since 2026-03-08; Asia/Kolkata is +5:30 all year.
const FROM = '2026-03-22T00:00:00.000Z';
const TO = '2026-04-05T00:00:00.000Z';
const NOW = new Date('2026-04-10T00:00:00Z');

const ids: Record<string, string> = {};
const T = (iso: string) => new Date(iso);
const plus = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000);

interface Seed {
  name: string;
  service: string;
  key: string;
  group?: string;
  at: string;
  urgency?: 'high' | 'low';
  /** [user, seconds after opening, notification (cycle,step)] — a `notified` entry; the notification is sent */
  notified?: [string, number, [number, number]][];
  ackBy?: [string, number];
  resolve?: [number, 'system' | string];
  steps?: { step: number; at: number }[];
  exhausted?: number;
  dedup?: number;
  extra?: { type: string; at: number; data?: object }[];
  columns?: Record<string, unknown>;
  /** hi: the fingerprints its `opened` entry names (its alerts, for when they all resolved) */
  fingerprints?: string[];
}

async function incident(s: Seed): Promise<string> {
  const id = randomUUID();
  ids[s.name] = id;
  const group = s.group ?? s.name;
  const created = T(s.at);
  const cols = s.columns ?? {};
  await q(
    `INSERT INTO incidents (id, service_id, group_key_hash, group_key, title, status, created_at, updated_at, resolved_at, resolved_by,
                            maintenance_until, suppressed_by, storm_id, is_test)
     VALUES ($1, $2, md5($3), $3, $4, $5, $6, $6, $7, $8, $9, $10, $11, $12)`,
    [id, ids[s.service], group, `${s.key} ${s.name}`, s.resolve ? 'resolved' : 'triggered', created,
     s.resolve ? plus(s.at, s.resolve[0]) : null, s.resolve ? s.resolve[1] : null,
     cols.maintenanceUntil ?? null, cols.suppressedBy ? JSON.stringify(cols.suppressedBy) : null, cols.stormId ?? null, cols.isTest ?? false],
  );
  await q(
    `INSERT INTO alerts (id, service_id, incident_id, fingerprint, starts_at, status, labels, dedup_count, first_seen_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, 'firing', $5, $6, $4)`,
    [ids[s.service], id, `fp-${s.name}`, created, JSON.stringify({ alertname: s.key }), s.dedup ?? 0],
  );
  await q(`INSERT INTO incident_escalations (incident_id, policy, urgency, status) VALUES ($1, '{}', $2, 'stopped')`, [id, s.urgency ?? 'high']);
  const events: { type: string; at: Date; actor: string; data: object }[] = [{ type: 'opened', at: created, actor: 'alertmanager', data: s.fingerprints ? { fingerprints: s.fingerprints } : {} }];
  const notifications = new Set<string>();
  for (const [user, sec, [cycle, step]] of s.notified ?? []) {
    events.push({ type: 'notified', at: plus(s.at, sec), actor: 'system', data: { userId: ids[user], step, cycle } });
    const k = `${user}/${cycle}/${step}`;
    if (notifications.has(k)) continue;
    notifications.add(k);
    await q(`INSERT INTO notifications (id, incident_id, user_id, cycle, step, status, created_at) VALUES (gen_random_uuid(), $1, $2, $3, $4, 'sent', $5)`, [id, ids[user], cycle, step, plus(s.at, sec)]);
  }
  for (const st of s.steps ?? []) events.push({ type: 'escalation_step', at: plus(s.at, st.at), actor: 'system', data: { cycle: 0, step: st.step, pass: 0 } });
  if (s.exhausted !== undefined) events.push({ type: 'escalation_exhausted', at: plus(s.at, s.exhausted), actor: 'system', data: { cycle: 0, step: 1, pass: 0 } });
  if (s.ackBy) events.push({ type: 'acknowledged', at: plus(s.at, s.ackBy[1]), actor: `user:${ids[s.ackBy[0]]}`, data: {} });
  if (s.resolve) events.push({ type: 'resolved', at: plus(s.at, s.resolve[0]), actor: s.resolve[1], data: {} });
  for (const e of s.extra ?? []) events.push({ type: e.type, at: plus(s.at, e.at), actor: 'system', data: e.data ?? {} });
  for (const e of events) {
    await q(`INSERT INTO incident_events (id, incident_id, type, message, actor, data, created_at) VALUES (gen_random_uuid(), $1, $2, $2, $3, $4, $5)`, [id, e.type, e.actor, JSON.stringify(e.data), e.at]);
  }
  return id;
}

beforeAll(async () => {
  api = await startTestApi({ now: () => NOW });
  const team = randomUUID();
  const other = randomUUID();
  ids.team = team;
  ids.other = other;
  await q(`INSERT INTO teams (id, name, updated_at) VALUES ($1, 'Shop', now()), ($2, 'Elsewhere', now())`, [team, other]);
  for (const [name, svc] of [['Checkout', 'S1'], ['Search', 'S2']] as const) {
    ids[svc] = randomUUID();
    await q(`INSERT INTO services (id, name, team_id, updated_at) VALUES ($1, $2, $3, now())`, [ids[svc], name, team]);
  }
  ids.probe = randomUUID();
  await q(`INSERT INTO services (id, name, team_id, is_probe, updated_at) VALUES ($1, 'probe', $2, true, now())`, [ids.probe, team]);
  for (const [name, zone] of [['alice', 'Europe/Berlin'], ['bob', 'America/New_York'], ['chandra', 'Asia/Kolkata']] as const) {
    ids[name] = randomUUID();
    await q(`INSERT INTO users (id, name, email, time_zone, updated_at) VALUES ($1, $2, $3, $4, now())`, [ids[name], name, `${name}@insights.test`, zone]);
  }

  // ---- the period's incidents ----
  // I1 minor: paged alice 10:00:05Z Mon 23 Mar (CET 11:00 business) and again by a second method at 10:10 (within 30 min:
  // not an interruption); acked after 180 s; its alerts resolved after 1200 s (< 1800, no escalation). 2 re-sends deduplicated.
  await incident({ name: 'I1', service: 'S1', key: 'HighLatency', at: '2026-03-23T10:00:00Z', notified: [['alice', 5, [0, 0]], ['alice', 600, [0, 0]]], ackBy: ['alice', 180], resolve: [1200, 'system'], dedup: 2 });
  // I2 major (escalated to step 2; also open 3600 s): alice 21:30:10Z Sat 28 Mar (CET 22:30 sleep), bob at step 2 21:40:10Z
  // (EDT 17:40 Sat: off hours), alice again 22:05:00Z (34 min 50 s later: counts; CET 23:05 sleep); bob acked after 900 s;
  // a person resolved it after 3600 s; the policy was exhausted.
  await incident({ name: 'I2', service: 'S1', key: 'HighLatency', at: '2026-03-28T21:30:00Z', notified: [['alice', 10, [0, 0]], ['bob', 610, [0, 1]], ['alice', 2100, [0, 0]]], steps: [{ step: 0, at: 0 }, { step: 1, at: 600 }], exhausted: 1200, ackBy: ['bob', 900], resolve: [3600, 'user:someone'] });
  // I3 major (open 2400 s): alice 20:30:05Z Fri 27 Mar = CET 21:30 off hours (after the switch it would be 22:30, sleep); acked after 245 s
  await incident({ name: 'I3', service: 'S1', key: 'ErrorRate', at: '2026-03-27T20:30:00Z', notified: [['alice', 5, [0, 0]]], ackBy: ['alice', 245], resolve: [2400, 'system'] });
  // I4 minor (600 s): alice 05:30:05Z Mon 30 Mar = CEST 07:30 off hours (before the switch it would be 06:30, sleep);
  // chandra 05:30:05Z = IST 11:00 Monday, business; chandra acked after 65 s; a person resolved it after 600 s
  await incident({ name: 'I4', service: 'S1', key: 'ErrorRate', at: '2026-03-30T05:30:00Z', notified: [['alice', 5, [0, 0]], ['chandra', 5, [0, 0]]], ackBy: ['chandra', 65], resolve: [600, 'user:someone'] });
  // I5 minor, the storm's own paging incident: bob 03:00:05Z Wed 25 Mar = EDT 23:00 Tue, sleep; acked after 115 s; resolved after 600 s
  await incident({ name: 'I5', service: 'S2', key: 'NodeDown', at: '2026-03-25T03:00:00Z', notified: [['bob', 5, [0, 0]]], ackBy: ['bob', 115], resolve: [600, 'system'] });
  const storm = randomUUID();
  await q(
    `INSERT INTO storms (id, service_id, started_by_incident_id, started_at, ended_at, last_incident_at, trigger_incidents, window_seconds, title)
     VALUES ($1, $2, $3, $4, $4, $4, 6, 300, 'Storm on Search')`,
    [storm, ids.S2, ids.I5, T('2026-03-25T03:00:00Z')],
  );
  await q(`UPDATE incidents SET storm_id = $1 WHERE id = $2`, [storm, ids.I5]);
  // I6 minor: chandra 08:00:05Z Wed 1 Apr = IST 13:30 business; never acked; its alerts first all resolved at +600 s where the flap
  // held it open (flapping_started), 2 re-fires folded into the flap, resolved by the end pass at +3600 s: open time 600 s
  await incident({
    name: 'I6', service: 'S1', key: 'Flappy', at: '2026-04-01T08:00:00Z', notified: [['chandra', 5, [0, 0]]], resolve: [3600, 'system'],
    extra: [{ type: 'flapping_started', at: 600 }, { type: 'flap_suppressed', at: 900 }, { type: 'flap_suppressed', at: 1500 }],
  });
  // near misses (no page)
  // Q2, in the previous period, is the 'disk' group's earlier incident: N1 and N2 and N2's flap re-open are 3 re-openings
  await incident({ name: 'N1', service: 'S2', key: 'DiskFull', group: 'disk', at: '2026-03-24T03:00:00Z', resolve: [120, 'system'], dedup: 3, columns: { maintenanceUntil: T('2026-03-24T04:00:00Z') } });
  await incident({
    name: 'N2', service: 'S2', key: 'DiskFull', group: 'disk', at: '2026-03-26T09:00:00Z', resolve: [60, 'system'],
    columns: { suppressedBy: { ruleId: randomUUID(), name: 'drop disk', serviceName: 'Search' } }, extra: [{ type: 'flap_reopened', at: 1800 }],
  });
  await incident({ name: 'N3', service: 'S2', key: 'NodeDown', at: '2026-03-25T03:01:00Z', resolve: [120, 'system'], columns: { stormId: storm } });
  await incident({ name: 'N4', service: 'S2', key: 'QueueLag', at: '2026-04-01T12:00:00Z', urgency: 'low' });
  await incident({ name: 'N5', service: 'S2', key: 'Blip', at: '2026-04-02T12:00:00Z', resolve: [60, 'system'] });
  const n6 = await incident({ name: 'N6', service: 'S2', key: 'Silenced', at: '2026-04-03T12:00:00Z' });
  await q(
    `INSERT INTO incident_silences (id, incident_id, alertmanager_url, starts_at, ends_at, created_by, created_by_name)
     VALUES (gen_random_uuid(), $1, 'http://am.test', $2, $3, 'user:x', 'X')`,
    [n6, T('2026-04-03T12:01:00Z'), T('2026-04-03T14:00:00Z')],
  );
  // never counted: a test page and the synthetic probe's incident (both paged alice)
  await incident({ name: 'X1', service: 'S1', key: 'Test', at: '2026-03-23T12:00:00Z', notified: [['alice', 1, [0, 0]]], resolve: [30, 'system'], columns: { isTest: true } });
  await incident({ name: 'X2', service: 'probe', key: 'Probe', at: '2026-03-23T12:00:00Z', notified: [['alice', 1, [0, 0]]], resolve: [30, 'system'] });
  // ---- the previous period: one minor (Q1), one near miss (Q2, low urgency, group 'disk') ----
  await incident({ name: 'Q1', service: 'S1', key: 'HighLatency', at: '2026-03-15T10:00:00Z', notified: [['alice', 5, [0, 0]]], resolve: [300, 'system'] });
  await incident({ name: 'Q2', service: 'S2', key: 'DiskFull', group: 'disk', at: '2026-03-15T11:00:00Z', urgency: 'low', resolve: [60, 'system'] });

  // hi: team Ops, service Batch, which does not auto-resolve: open time ends when its alerts first all resolved
  // (alerts_resolved entries), not when a person resolves it hours later. Period [2026-02-02, 2026-02-16).
  ids.ops = randomUUID();
  ids.S3 = randomUUID();
  await q(`INSERT INTO teams (id, name, updated_at) VALUES ($1, 'Ops', now())`, [ids.ops]);
  await q(`INSERT INTO services (id, name, team_id, auto_resolve, updated_at) VALUES ($1, 'Batch', $2, false, now())`, [ids.S3, ids.ops]);
  // A1 minor: alice paged; its one alert resolved after 300 s, a person resolved it after 7200 s: open 300 s
  await incident({
    name: 'A1', service: 'S3', key: 'Backup', at: '2026-02-03T10:00:00Z', fingerprints: ['fa1'], notified: [['alice', 5, [0, 0]]],
    resolve: [7200, 'user:someone'], extra: [{ type: 'alerts_resolved', at: 300, data: { fingerprints: ['fa1'] } }],
  });
  // A2 major: two alerts, the first resolved after 600 s, the second after 2400 s (>= 30 min); never resolved by anyone
  await incident({
    name: 'A2', service: 'S3', key: 'Backup', at: '2026-02-04T10:00:00Z', fingerprints: ['fa2x', 'fa2y'], notified: [['alice', 5, [0, 0]]],
    extra: [{ type: 'alerts_resolved', at: 600, data: { fingerprints: ['fa2x'] } }, { type: 'alerts_resolved', at: 2400, data: { fingerprints: ['fa2y'] } }],
  });
  // A3 near miss, resolved before a page: low urgency, its alert resolved after 60 s (the incident stays open)
  await incident({
    name: 'A3', service: 'S3', key: 'Backup', at: '2026-02-05T10:00:00Z', urgency: 'low', fingerprints: ['fa3'],
    extra: [{ type: 'alerts_resolved', at: 60, data: { fingerprints: ['fa3'] } }],
  });
});

afterAll(async () => {
  await api?.close();
});

const period = `from=${FROM}&to=${TO}`;

describe('GET /api/v1/insights over a known history', () => {
  it('every number of the pyramid, response, people, noise and recurring tables', async () => {
    const res = await api.admin('GET', `/api/v1/insights?teamId=${ids.team}&${period}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const r = insightsJson.parse(res.body);

    // pyramid: major I2, I3; minor I1, I4, I5, I6; near misses N1..N6 + 3 re-fires (I6 x2, N2's re-open) = 9;
    // deduplicated 2 (I1) + 3 (N1) = 5. Previous: Q1 minor, Q2 near miss.
    expect(r.pyramid).toEqual({
      major: 2,
      minor: 4,
      nearMiss: 9,
      deduplicated: 5,
      previous: { major: 0, minor: 1, nearMiss: 1, deduplicated: 0 },
      trend: {
        major: { delta: 2, percent: null },
        minor: { delta: 3, percent: 300 },
        nearMiss: { delta: 8, percent: 800 },
        deduplicated: { delta: 5, percent: null },
      },
      // 2 : 4 : 9 reduced to one major: 1 : 2 : 4.5
      ratio: { text: '1 : 2 : 4.5', minorPerMajor: 2, nearMissPerMajor: 4.5 },
      previousRatio: { text: '0 : 1 : 1', minorPerMajor: null, nearMissPerMajor: null },
      nearMissReasons: { maintenance: 1, suppressed: 1, storm: 1, silenced: 1, resolvedBeforePage: 1, lowUrgency: 1, other: 0, flapRefires: 3 },
    });

    // response over the 6 paged incidents. MTTA (5 acked): 65, 115, 180, 245, 900 -> median 180;
    // p90 at 0.9*4 = 3.6: 245 + 0.6*(900-245) = 638. MTTR: 600, 600, 600, 1200, 2400, 3600 -> median (600+1200)/2 = 900;
    // p90 at 4.5: 2400 + 0.5*1200 = 3000. Acked within 5 min: 65, 115, 180, 245 -> 4 of 6 = 0.667.
    expect(r.response).toEqual({
      incidents: 6,
      acknowledged: 5,
      resolved: 6,
      mtta: { medianSeconds: 180, p90Seconds: 638 },
      mttr: { medianSeconds: 900, p90Seconds: 3000 },
      acknowledgedWithin5Min: { count: 4, share: 0.667 },
      escalatedPastFirstStep: 1,
      exhaustedPolicy: 1,
    });

    // people: alice (Berlin) pages I1..I4 = 4; interruptions I1 business, I2 sleep x2, I3 off (CET), I4 off (CEST) = 5.
    // bob (New York) pages I2, I5; I2 off, I5 sleep. chandra (Kolkata) pages I4, I6, both business. The test page and
    // the probe's page of alice are not counted.
    expect(r.people.rows).toEqual([
      { userId: ids.alice, name: 'alice', timeZone: 'Europe/Berlin', pages: 4, interruptions: 5, business: 1, offHours: 2, sleep: 2 },
      { userId: ids.bob, name: 'bob', timeZone: 'America/New_York', pages: 2, interruptions: 2, business: 0, offHours: 1, sleep: 1 },
      { userId: ids.chandra, name: 'chandra', timeZone: 'Asia/Kolkata', pages: 2, interruptions: 2, business: 2, offHours: 0, sleep: 0 },
    ]);
    expect(r.people.top).toEqual([ids.alice, ids.bob, ids.chandra]);
    expect(r.people.totals).toEqual({ pages: 8, interruptions: 9, business: 3, offHours: 3, sleep: 3 });

    // noise, most incidents first, then pages, flapping, service, key
    const row = (serviceName: string, key: string, incidents: number, pages: number, share: number | null, median: number | null, flapping: number) => ({
      serviceId: serviceName === 'Checkout' ? ids.S1 : ids.S2,
      serviceName,
      key,
      incidents,
      pages,
      resolvedWithoutAckShare: share,
      medianDurationSeconds: median,
      flapping,
      hint: null,
    });
    expect(r.noise).toEqual([
      row('Checkout', 'ErrorRate', 2, 3, 0, 1500, 0), // I3 (1 page, 2400 s), I4 (2 pages, 600 s), both acked
      row('Checkout', 'HighLatency', 2, 3, 0, 2400, 0), // I1 (1 page: one notification, 1200 s), I2 (2 pages, 3600 s)
      row('Search', 'NodeDown', 2, 1, 0.5, 360, 0), // I5 acked (600 s), N3 not (120 s)
      row('Search', 'DiskFull', 2, 0, 1, 90, 1), // N1 120 s, N2 60 s, N2's flap re-open
      row('Checkout', 'Flappy', 1, 1, 1, 600, 2), // I6: 2 re-fires folded
      row('Search', 'Blip', 1, 0, 1, 60, 0),
      row('Search', 'QueueLag', 1, 0, null, null, 0), // open
      row('Search', 'Silenced', 1, 0, null, null, 0), // open
    ]);

    // recurring: the 'disk' group re-opened 3 times (N1, N2, N2's flap re-open; Q2 came before the period)
    expect(r.recurring).toEqual([
      {
        serviceId: ids.S2,
        serviceName: 'Search',
        groupKey: 'disk',
        title: 'DiskFull N2',
        reopenings: 3,
        openings: [
          { at: '2026-03-24T03:00:00.000Z', incidentId: ids.N1, number: expect.any(Number), kind: 'opened' },
          { at: '2026-03-26T09:00:00.000Z', incidentId: ids.N2, number: expect.any(Number), kind: 'opened' },
          { at: '2026-03-26T09:30:00.000Z', incidentId: ids.N2, number: expect.any(Number), kind: 'reopened' },
        ],
      },
    ]);
    expect(r.period).toEqual({ from: FROM, to: TO });
    expect(r.previousPeriod).toEqual({ from: '2026-03-08T00:00:00.000Z', to: FROM });
    expect(r.scope).toEqual({ teamId: ids.team, serviceId: null, services: 2 });
  });

  // hi: a service that does not auto-resolve
  it('open time ends when the alerts first all resolved, also where the service does not auto-resolve', async () => {
    const res = await api.admin('GET', `/api/v1/insights?teamId=${ids.ops}&from=2026-02-02T00:00:00Z&to=2026-02-16T00:00:00Z`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const r = insightsJson.parse(res.body);
    expect({ major: r.pyramid.major, minor: r.pyramid.minor, nearMiss: r.pyramid.nearMiss }).toEqual({ major: 1, minor: 1, nearMiss: 1 });
    expect(r.pyramid.nearMissReasons.resolvedBeforePage).toBe(1);
    // MTTR over A1 (300 s) and A2 (2400 s): median 1350, p90 at 0.9: 300 + 0.9 * 2100 = 2190
    expect(r.response).toMatchObject({ incidents: 2, acknowledged: 0, resolved: 2, mttr: { medianSeconds: 1350, p90Seconds: 2190 } });
    // Backup: 3 incidents, their alerts resolved (300, 2400, 60 s: median 300), none acknowledged
    expect(r.noise).toEqual([expect.objectContaining({ key: 'Backup', incidents: 3, pages: 2, resolvedWithoutAckShare: 1, medianDurationSeconds: 300 })]);
  });

  it('the incident list filter lists the incidents behind each number', async () => {
    const numbers = async (level: string) => {
      const res = await api.admin('GET', `/api/v1/incidents?insight=${level}&${period}&limit=200`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return (res.body.items as { id: string }[]).map((i) => i.id).sort();
    };
    const of = (...names: string[]) => names.map((n) => ids[n]!).sort();
    expect(await numbers('major')).toEqual(of('I2', 'I3'));
    expect(await numbers('minor')).toEqual(of('I1', 'I4', 'I5', 'I6'));
    // the near misses and the incidents whose re-fires were folded into a flap (I6; N2 is one already)
    expect(await numbers('nearMiss')).toEqual(of('N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'I6'));
    const bad = await api.admin('GET', `/api/v1/incidents?insight=huge`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('insight');
  });

  it('CSV of each table', async () => {
    const res = await api.request('GET', `/api/v1/insights/people.csv?teamId=${ids.team}&${period}`, undefined, { authorization: 'Bearer test-admin-key-0123456789abcdef' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(String(res.body).split('\r\n')).toEqual([
      'from,to,userId,name,timeZone,pages,interruptions,business,offHours,sleep',
      `${FROM},${TO},${ids.alice},alice,Europe/Berlin,4,5,1,2,2`,
      `${FROM},${TO},${ids.bob},bob,America/New_York,2,2,0,1,1`,
      `${FROM},${TO},${ids.chandra},chandra,Asia/Kolkata,2,2,2,0,0`,
      '',
    ]);
    const pyramid = await api.request('GET', `/api/v1/insights/pyramid.csv?teamId=${ids.team}&${period}`, undefined, { authorization: 'Bearer test-admin-key-0123456789abcdef' });
    expect(String(pyramid.body).split('\r\n')[1]).toBe(`${FROM},${TO},major,2,0,2,`);
    const unknown = await api.admin('GET', `/api/v1/insights/sleep.csv`);
    expect(unknown.status).toBe(400);
  });

  it('what the caller may see: members their teams, others 403; bad input 400', async () => {
    const member = await api.createUser({ teams: { [`${ids.team}`]: 'viewer' } });
    const outsider = await api.createUser({ teams: { [`${ids.other}`]: 'lead' } });
    const mine = await member.call('GET', `/api/v1/insights?${period}`);
    expect(mine.status).toBe(200);
    expect(mine.body.pyramid.major).toBe(2);
    const theirs = await outsider.call('GET', `/api/v1/insights?teamId=${ids.team}&${period}`);
    expect(theirs.status).toBe(403);
    expect(theirs.body.error.message).toBe('Only members of team Shop or admins can see its insights');
    const service = await outsider.call('GET', `/api/v1/insights?serviceId=${ids.S1}&${period}`);
    expect(service.status).toBe(403);
    // an outsider's default report covers only their own team: nothing here
    expect((await outsider.call('GET', `/api/v1/insights?${period}`)).body.pyramid.major).toBe(0);
    const backwards = await api.admin('GET', `/api/v1/insights?from=${TO}&to=${FROM}`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields[0].path).toBe('from');
    expect((await api.admin('GET', `/api/v1/insights?teamId=nope`)).status).toBe(400);
  });

  it('deduplicated counts alert re-sends through the real Alertmanager endpoint', async () => {
    const svc = await seedService(api.db, { name: 'Dedup' });
    const startsAt = new Date(Date.now() - 60_000).toISOString();
    const body = (status: 'firing' | 'resolved') => ({
      receiver: 'heinrich', status, version: '4', groupKey: '{}:{alertname="Dup"}', truncatedAlerts: 0,
      groupLabels: { alertname: 'Dup' }, commonLabels: { alertname: 'Dup' }, commonAnnotations: {}, externalURL: 'http://am.test',
      alerts: [{ status, labels: { alertname: 'Dup' }, annotations: {}, startsAt, endsAt: status === 'resolved' ? new Date().toISOString() : '0001-01-01T00:00:00Z', generatorURL: '', fingerprint: 'dup0000000000001' }],
    });
    // fired, re-sent twice (deduplicated away), resolved (changes something), the resolve re-sent (deduplicated)
    for (const s of ['firing', 'firing', 'firing', 'resolved', 'resolved'] as const) {
      expect((await api.post('/api/v1/integrations/alertmanager', body(s), svc.secret)).status).toBe(200);
    }
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const res = await api.admin('GET', `/api/v1/insights?serviceId=${svc.serviceId}&from=${from}&to=${to}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.pyramid.deduplicated).toBe(3);
  });
});
