// The incident list's search, sort and "mine" filters (GET /api/v1/incidents q,
// sort, assigned, teams, teamId) and acknowledging / resolving several incidents
// at once (POST /api/v1/incidents/bulk-status), through real HTTP with the real
// worker paging people (so "assigned to me" is who the escalation really paged).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type SignedInUser, type TestApi } from '../support/api-server';
import { eventually } from '../worker/eventually';
import { startTestWorker, type TestWorker } from '../worker/start-test-worker';

let api: TestApi;
let worker: TestWorker;
const team = {} as Record<'A' | 'B', string>;
const service = {} as Record<'A' | 'B', { id: string; key: string }>;
let alice: SignedInUser & { id: string };
let bob: SignedInUser & { id: string };

interface Row {
  id: string;
  number: number;
  title: string;
  status: string;
  severity: string | null;
  urgency: string;
  onIt: { userId: string; name: string; role: string }[];
}

async function trigger(t: 'A' | 'B', summary: string, severity: string, details: Record<string, string> = {}): Promise<number> {
  const res = await api.post('/api/v1/integrations/events', {
    routing_key: service[t].key,
    event_action: 'trigger',
    dedup_key: randomUUID(),
    payload: { summary, source: 'db-1', severity, custom_details: details },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return res.body.incident_number as number;
}

const numbers = (body: { items: Row[] }) => body.items.map((i) => i.number);

beforeAll(async () => {
  api = await startTestApi();
  worker = await startTestWorker({ databaseUrl: api.databaseUrl, redisUrl: api.redisUrl, redisPrefix: api.redisPrefix });
  for (const [t, name] of [['A', 'Search'], ['B', 'Billing']] as const) {
    team[t] = (await api.admin('POST', '/api/v1/teams', { name })).body.id;
    const svc = (await api.admin('POST', '/api/v1/services', { name: `svc-${t}`, teamId: team[t] })).body;
    service[t] = { id: svc.id, key: (await api.admin('POST', `/api/v1/services/${svc.id}/integration-keys`, { type: 'events' })).body.key };
  }
  alice = await api.createUser({ name: 'Alice Search', teams: { [team.A]: 'responder' } });
  bob = await api.createUser({ name: 'Bob Billing', teams: { [team.B]: 'responder' } });
}, 60_000);
afterAll(async () => {
  await worker?.close();
  await api?.close();
});

describe('searching and sorting the list', () => {
  let disk: number, cpu: number, info: number, other: number;
  beforeAll(async () => {
    disk = await trigger('A', 'Disk full on db-1', 'warning');
    cpu = await trigger('A', 'CPU hot', 'critical');
    info = await trigger('A', 'Backup finished late', 'info');
    other = await trigger('B', 'Disk latency', 'error');
  });

  it('q matches title words (any case, all words), #number, and key=value labels', async () => {
    expect(numbers((await api.admin('GET', '/api/v1/incidents?q=disk')).body)).toEqual([other, disk]);
    expect(numbers((await api.admin('GET', '/api/v1/incidents?q=DISK%20full')).body)).toEqual([disk]);
    expect(numbers((await api.admin('GET', `/api/v1/incidents?q=%23${cpu}`)).body)).toEqual([cpu]);
    // the events API's severity is a label of the incident's alert
    const bySeverity = await api.admin('GET', `/api/v1/incidents?q=${encodeURIComponent('severity=info')}`);
    expect(bySeverity.status, JSON.stringify(bySeverity.body)).toBe(200);
    expect(numbers(bySeverity.body)).toEqual([info]);
    expect(numbers((await api.admin('GET', `/api/v1/incidents?q=${encodeURIComponent('severity=info cpu')}`)).body)).toEqual([]);
  });

  it('sort=severity: critical, error, warning, info, newest first within one; pages with its own cursor', async () => {
    const all = await api.admin('GET', '/api/v1/incidents?sort=severity');
    expect(all.body.items.map((i: Row) => i.severity)).toEqual(['critical', 'error', 'warning', 'info']);
    const first = await api.admin('GET', '/api/v1/incidents?sort=severity&limit=2');
    expect(numbers(first.body)).toEqual([cpu, other]);
    const second = await api.admin('GET', `/api/v1/incidents?sort=severity&limit=2&cursor=${first.body.nextCursor}`);
    expect(numbers(second.body)).toEqual([disk, info]);
    expect(second.body.nextCursor).toBeNull();
    // a cursor of the other sort is a 400 naming it, never a wrong page
    const wrong = await api.admin('GET', `/api/v1/incidents?limit=2&cursor=${first.body.nextCursor}`);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toEqual([{ path: 'cursor', message: expect.stringContaining('other sort') }]);
  });

  it('urgency comes with each incident: warning and info are low on a by-severity service', async () => {
    await api.admin('PATCH', `/api/v1/services/${service.A.id}`, { urgency: 'bySeverity' });
    const items = (await api.admin('GET', `/api/v1/incidents?serviceId=${service.A.id}&sort=severity`)).body.items as Row[];
    // the escalation's urgency (decided when it began) wins once there is one; these never escalated (no policy)
    expect(items.map((i) => [i.severity, i.urgency])).toEqual([
      ['critical', 'high'],
      ['warning', 'low'],
      ['info', 'low'],
    ]);
  });

  it('bad values are a 400 naming the parameter', async () => {
    for (const [query, path] of [
      ['sort=oldest', 'sort'],
      ['assigned=you', 'assigned'],
      ['teams=all', 'teams'],
      ['teamId=nope', 'teamId'],
      [`q=${'x'.repeat(201)}`, 'q'],
    ] as const) {
      const res = await api.admin('GET', `/api/v1/incidents?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual([path]);
    }
  });
});

describe('assigned to me, my teams, who is on it', () => {
  it('assigned=me: the incidents that paged me now, then the one I acknowledged; teams=mine: my teams; onIt names them', async () => {
    const opened = await alice.call('POST', '/api/v1/incidents', { serviceId: service.A.id, title: 'Paging Alice', assignTo: [{ type: 'user', id: alice.id }] });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const number = opened.body.number as number;
    const mine = await eventually('the worker to page Alice', async () => {
      const res = await alice.call('GET', '/api/v1/incidents?assigned=me');
      return res.body.items.length > 0 ? (res.body.items as Row[]) : undefined;
    });
    expect(mine.map((i) => i.number)).toEqual([number]);
    expect(mine[0]!.onIt).toEqual([{ userId: alice.id, name: 'Alice Search', role: 'paged' }]);
    expect((await bob.call('GET', '/api/v1/incidents?assigned=me')).body.items).toEqual([]);

    // Bob acknowledges (as an admin would: Bob is of another team, so the admin key acts; Alice does it herself here)
    expect((await alice.call('POST', `/api/v1/incidents/${number}/acknowledge`)).status).toBe(200);
    const held = (await alice.call('GET', '/api/v1/incidents?assigned=me')).body.items as Row[];
    expect(held.map((i) => [i.number, i.status, i.onIt])).toEqual([[number, 'acknowledged', [{ userId: alice.id, name: 'Alice Search', role: 'acknowledged' }]]]);

    // my teams: Bob sees team B's incidents only; with teamId of a team not his, none
    const bobs = (await bob.call('GET', '/api/v1/incidents?teams=mine&status=triggered,acknowledged,resolved')).body.items as Row[];
    expect(bobs.length).toBeGreaterThan(0);
    expect(bobs.every((i) => i.title === 'Disk latency')).toBe(true);
    expect((await bob.call('GET', `/api/v1/incidents?teams=mine&teamId=${team.A}`)).body.items).toEqual([]);
    expect(numbers((await bob.call('GET', `/api/v1/incidents?teamId=${team.A}&q=paging`)).body)).toEqual([number]);

    // an API key is no one: assigned=me is a 400 naming assigned
    const res = await api.admin('GET', '/api/v1/incidents?assigned=me');
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'assigned', message: expect.stringContaining('signed-in user') }]);
  });
});

describe('POST /api/v1/incidents/bulk-status', () => {
  it('acknowledges what the caller may, reports the rest per id, and audits the call once', async () => {
    const a1 = await trigger('A', 'bulk one', 'critical');
    const a2 = await trigger('A', 'bulk two', 'critical');
    const b1 = await trigger('B', 'bulk other team', 'critical');
    const list = (await api.admin('GET', '/api/v1/incidents?q=bulk')).body.items as Row[];
    const id = (n: number) => list.find((i) => i.number === n)!.id;
    const unknown = randomUUID();

    const res = await alice.call('POST', '/api/v1/incidents/bulk-status', { ids: [id(a1), id(b1), unknown, id(a2)], status: 'acknowledged' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      status: 'acknowledged',
      changed: 2,
      results: [
        { id: id(a1), number: a1, outcome: 'changed', message: null, status: 'acknowledged' },
        { id: id(b1), number: b1, outcome: 'forbidden', message: expect.stringContaining('team Billing'), status: null },
        { id: unknown, number: null, outcome: 'not_found', message: `Incident ${unknown} does not exist`, status: null },
        { id: id(a2), number: a2, outcome: 'changed', message: null, status: 'acknowledged' },
      ],
    });
    // each on its own timeline, as one acknowledge would be; the other team's left alone
    const timeline = (await api.admin('GET', `/api/v1/incidents/${a1}`)).body.timeline as { type: string; actor: string }[];
    expect(timeline.filter((e) => e.type === 'acknowledged').map((e) => e.actor)).toEqual([`user:${alice.id}`]);
    expect((await api.admin('GET', `/api/v1/incidents/${b1}`)).body.status).toBe('triggered');
    const audit = (await api.admin('GET', `/api/v1/audit-log?actor=${encodeURIComponent(`user:${alice.id}`)}`)).body.items;
    expect(audit.filter((e: { action: string }) => e.action === 'incident.bulk_acknowledge')).toEqual([
      expect.objectContaining({ entityType: 'incident', after: { status: 'acknowledged', incidents: [a1, a2].sort((x, y) => (id(x) < id(y) ? -1 : 1)) } }),
    ]);

    // repeating changes nothing and audits nothing; resolving then works; acknowledging resolved ones is a per-id conflict
    const again = await alice.call('POST', '/api/v1/incidents/bulk-status', { ids: [id(a1), id(a2)], status: 'acknowledged' });
    expect(again.body.changed).toBe(0);
    expect(again.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['unchanged', 'unchanged']);
    expect((await alice.call('POST', '/api/v1/incidents/bulk-status', { ids: [id(a1)], status: 'resolved' })).body.changed).toBe(1);
    const conflict = await alice.call('POST', '/api/v1/incidents/bulk-status', { ids: [id(a1), id(a2)], status: 'acknowledged' });
    expect(conflict.body.results.map((r: { outcome: string; status: string }) => [r.outcome, r.status])).toEqual([
      ['conflict', 'resolved'],
      ['unchanged', 'acknowledged'],
    ]);
    const after = (await api.admin('GET', `/api/v1/audit-log?actor=${encodeURIComponent(`user:${alice.id}`)}`)).body.items;
    expect(after.map((e: { action: string }) => e.action).filter((a: string) => a.startsWith('incident.'))).toEqual(['incident.bulk_resolve', 'incident.bulk_acknowledge']);
  });

  it('none the caller may act on: the 403 of one incident, nothing changed', async () => {
    const b = await trigger('B', 'bulk refused', 'critical');
    const incidentId = (await api.admin('GET', `/api/v1/incidents/${b}`)).body.id;
    const res = await alice.call('POST', '/api/v1/incidents/bulk-status', { ids: [incidentId], status: 'resolved' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect((await api.admin('GET', `/api/v1/incidents/${b}`)).body.status).toBe('triggered');
  });

  it('bad bodies are a 400 naming the field', async () => {
    const id = randomUUID();
    for (const [body, path] of [
      [{ ids: [], status: 'resolved' }, 'ids'],
      [{ ids: [id, id], status: 'resolved' }, 'ids'],
      [{ ids: ['x'], status: 'resolved' }, 'ids.0'],
      [{ ids: [id], status: 'triggered' }, 'status'],
      [{ ids: [id] }, 'status'],
    ] as const) {
      const res = await api.admin('POST', '/api/v1/incidents/bulk-status', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual([path]);
    }
  });
});
