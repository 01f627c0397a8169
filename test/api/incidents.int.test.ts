// The incidents API through real HTTP, on a real Alertmanager capture: list,
// read by id and by number, acknowledge, resolve, notes, filters and pages.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { alertmanagerFixture } from '../support/fixtures';

let api: TestApi;
let serviceId: string;
let incident: { id: string; number: number };
beforeAll(async () => {
  api = await startTestApi();
  serviceId = (await api.admin('POST', '/api/v1/services', { name: 'kubernetes' })).body.id;
  const key = (await api.admin('POST', `/api/v1/services/${serviceId}/integration-keys`, { type: 'alertmanager' })).body.key;
  const res = await api.post('/api/v1/integrations/alertmanager', alertmanagerFixture('01-firing-initial-6-pods.json'), key);
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await api?.close();
});

const timelineTypes = (body: { timeline: { type: string }[] }) => body.timeline.map((e) => e.type);

describe('reading incidents', () => {
  it('lists the incident the notification opened, with its service and alert counts', async () => {
    const res = await api.admin('GET', `/api/v1/incidents?serviceId=${serviceId}`);
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items).toHaveLength(1);
    incident = res.body.items[0];
    expect(incident).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      number: expect.any(Number),
      title: 'KubePodCrashLooping on node=d01: Pod is crash looping.',
      status: 'triggered',
      serviceId,
      serviceName: 'kubernetes',
      severity: 'critical',
      groupLabels: expect.any(Object),
      alertCounts: { firing: 6, resolved: 0, superseded: 0, stale: 0, total: 6 },
      truncatedAlerts: 0,
      firingAlerts: 6,
      storm: null,
      flapping: false,
      maintenance: null,
      suppressedBy: null,
      createdAt: expect.any(String),
      acknowledgedAt: null,
      acknowledgedBy: null,
      resolvedAt: null,
      resolvedBy: null,
      urgency: 'high',
      onIt: [],
    });
  });

  it('shows one incident with its alerts and timeline, by id and by its short number', async () => {
    const byId = await api.admin('GET', `/api/v1/incidents/${incident.id}`);
    expect(byId.status).toBe(200);
    expect(byId.body).toMatchObject({ ...incident, alertCounts: { firing: 6, resolved: 0, superseded: 0, stale: 0, total: 6 } });
    expect(byId.body.alerts).toHaveLength(6);
    expect(byId.body.alerts[0]).toEqual({
      id: expect.any(String),
      fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      status: 'firing',
      labels: expect.objectContaining({ alertname: 'KubePodCrashLooping', node: 'd01' }),
      annotations: expect.objectContaining({ summary: 'Pod is crash looping.' }),
      startsAt: '2026-11-28T19:50:40.080Z',
      endsAt: null,
      generatorUrl: expect.toBeOneOf([null, '']),
      firstSeenAt: expect.any(String),
      lastSeenAt: expect.any(String),
      receiveCount: 1,
    });
    expect(byId.body.timeline).toEqual([
      expect.objectContaining({ type: 'opened', via: 'alertmanager', createdAt: expect.any(String), data: expect.any(Object) }),
    ]);

    const byNumber = await api.admin('GET', `/api/v1/incidents/${incident.number}`);
    expect(byNumber.status).toBe(200);
    expect(byNumber.body).toEqual(byId.body);
  });

  it('answers 404 for an unknown id or number, and for something that is neither', async () => {
    const id = randomUUID();
    expect((await api.admin('GET', `/api/v1/incidents/${id}`)).body).toEqual({
      error: { code: 'not_found', message: `Incident ${id} does not exist`, fields: [] },
    });
    const unknownNumber = await api.admin('GET', '/api/v1/incidents/99999999');
    expect(unknownNumber.status).toBe(404);
    expect(unknownNumber.body.error.message).toBe('Incident #99999999 does not exist');
    for (const ref of ['abc', '0', '-1', '99999999999', '1.5']) {
      const res = await api.admin('GET', `/api/v1/incidents/${ref}`);
      expect(res.status, ref).toBe(404);
      expect(res.body.error.message).toBe(`Incident ${ref} does not exist`);
    }
    expect((await api.admin('POST', `/api/v1/incidents/${id}/acknowledge`, {})).status).toBe(404);
    expect((await api.admin('POST', '/api/v1/incidents/99999999/resolve', {})).status).toBe(404);
    expect((await api.admin('POST', `/api/v1/incidents/${id}/notes`, { text: 'hello' })).status).toBe(404);
  });
});

describe('acting on an incident', () => {
  it('acknowledges: 200 with the incident, and the timeline says who and how', async () => {
    const res = await api.admin('POST', `/api/v1/incidents/${incident.id}/acknowledge`, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: incident.id, status: 'acknowledged', acknowledgedBy: 'api-key:bootstrap', acknowledgedAt: expect.any(String) });
    expect(res.body.alerts).toHaveLength(6);
    expect(timelineTypes(res.body)).toEqual(['opened', 'acknowledged']);
    expect(res.body.timeline[1]).toMatchObject({
      type: 'acknowledged',
      message: 'Acknowledged by the admin API key via api',
      actor: 'api-key:bootstrap',
      via: 'api',
    });
  });

  it('acknowledging again (by number) changes nothing and adds no timeline event', async () => {
    const before = (await api.admin('GET', `/api/v1/incidents/${incident.id}`)).body;
    const res = await api.admin('POST', `/api/v1/incidents/${incident.number}/acknowledge`, {});
    expect(res.status).toBe(200);
    expect(res.body).toEqual(before);
    expect(timelineTypes(res.body)).toEqual(['opened', 'acknowledged']);
  });

  it('adds a note by the caller: 201 with the timeline event', async () => {
    const res = await api.admin('POST', `/api/v1/incidents/${incident.id}/notes`, { text: '  Restarting the collector deployment.  ' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      type: 'note',
      message: 'Restarting the collector deployment.',
      actor: 'api-key:bootstrap',
      via: 'api',
      data: { author: 'the admin API key' },
      createdAt: expect.any(String),
    });
    const timeline = (await api.admin('GET', `/api/v1/incidents/${incident.number}`)).body.timeline;
    expect(timeline.at(-1)).toEqual(res.body);
  });

  it('answers 400 naming text for an empty, missing or too long note, or an unknown field', async () => {
    for (const body of [{ text: '   ' }, {}, { text: 'x'.repeat(10_001) }, { text: 42 }]) {
      const res = await api.admin('POST', `/api/v1/incidents/${incident.id}/notes`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['text']);
    }
    const unknown = await api.admin('POST', `/api/v1/incidents/${incident.id}/notes`, { text: 'ok', author: 'me' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ path: 'author', message: 'is not a known field' }]);
  });

  it('resolves (by number): 200, and resolving again changes nothing', async () => {
    const res = await api.admin('POST', `/api/v1/incidents/${incident.number}/resolve`, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'resolved', resolvedBy: 'api-key:bootstrap', resolvedAt: expect.any(String) });
    expect(timelineTypes(res.body)).toEqual(['opened', 'acknowledged', 'note', 'resolved']);
    expect(res.body.timeline.at(-1).message).toBe('Resolved by the admin API key via api');

    const again = await api.admin('POST', `/api/v1/incidents/${incident.id}/resolve`, {});
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
  });

  it('refuses to acknowledge a resolved incident: 409 saying why', async () => {
    const res = await api.admin('POST', `/api/v1/incidents/${incident.id}/acknowledge`, {});
    expect(res.status).toBe(409);
    expect(res.body.error).toEqual({ code: 'conflict', message: `Cannot acknowledge incident #${incident.number}: it is resolved`, fields: [] });
    const after = (await api.admin('GET', `/api/v1/incidents/${incident.id}`)).body;
    expect(after.status).toBe('resolved');
    expect(timelineTypes(after)).toEqual(['opened', 'acknowledged', 'note', 'resolved']);
  });

  it('still takes notes on a resolved incident (the postmortem)', async () => {
    expect((await api.admin('POST', `/api/v1/incidents/${incident.number}/notes`, { text: 'Root cause: OOM' })).status).toBe(201);
  });
});

describe('filtering and paging the list', () => {
  let eventsService: string;
  let opened: number[];
  beforeAll(async () => {
    eventsService = (await api.admin('POST', '/api/v1/services', { name: 'databases' })).body.id;
    const key = (await api.admin('POST', `/api/v1/services/${eventsService}/integration-keys`, { type: 'events' })).body.key;
    opened = [];
    for (const host of ['db01', 'db02', 'db03']) {
      const event = { routing_key: key, event_action: 'trigger', dedup_key: `disk-${host}`, payload: { summary: `Disk full on ${host}`, source: host, severity: 'warning' } };
      const res = await api.post('/api/v1/integrations/events', event);
      expect(res.status).toBe(202);
      opened.push(res.body.incident_number);
    }
  });

  it('filters by status (one or several), service and since', async () => {
    const numbersOf = async (query: string) => {
      const res = await api.admin('GET', `/api/v1/incidents?${query}`);
      expect(res.status, query).toBe(200);
      return res.body.items.map((i: { number: number }) => i.number);
    };
    expect(await numbersOf('status=resolved')).toEqual([incident.number]);
    expect(await numbersOf(`status=triggered,acknowledged&serviceId=${eventsService}`)).toEqual([...opened].reverse());
    expect(await numbersOf('status=triggered&status=resolved')).toEqual([...opened].reverse().concat(incident.number));
    expect(await numbersOf(`serviceId=${serviceId}`)).toEqual([incident.number]);
    expect(await numbersOf('since=2999-01-01T00:00:00Z')).toEqual([]);
    expect(await numbersOf('since=2000-01-01T00:00:00Z&limit=200')).toEqual([...opened].reverse().concat(incident.number));
  });

  it('answers 400 naming the bad filter', async () => {
    for (const [query, path] of [
      ['status=open', 'status'],
      ['serviceId=kubernetes', 'serviceId'],
      ['since=yesterday', 'since'],
      ['limit=500', 'limit'],
      ['cursor=garbage', 'cursor'],
    ]) {
      const res = await api.admin('GET', `/api/v1/incidents?${query}`);
      expect(res.status, query).toBe(400);
      expect(new Set(res.body.error.fields.map((f: { path: string }) => f.path)), query).toEqual(new Set([path]));
    }
  });

  it('pages newest first through nextCursor', async () => {
    const first = await api.admin('GET', '/api/v1/incidents?limit=2');
    expect(first.body.items.map((i: { number: number }) => i.number)).toEqual([opened[2], opened[1]]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api.admin('GET', `/api/v1/incidents?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.items.map((i: { number: number }) => i.number)).toEqual([opened[0], incident.number]);
    expect(second.body.nextCursor).toBeNull();
  });
});

describe('timeline rows the catalog does not know', () => {
  it('are in the timeline as stored (200), next to typed ones; data that is not an object reads as {}', async () => {
    const otherService = (await api.admin('POST', '/api/v1/services', { name: 'odd-timeline' })).body.id;
    const key = (await api.admin('POST', `/api/v1/services/${otherService}/integration-keys`, { type: 'alertmanager' })).body.key;
    expect((await api.post('/api/v1/integrations/alertmanager', alertmanagerFixture('01-firing-initial-6-pods.json'), key)).status).toBe(200);
    const [odd] = (await api.admin('GET', `/api/v1/incidents?serviceId=${otherService}`)).body.items;
    await api.db.pool.query(
      `INSERT INTO incident_events (id, incident_id, type, message, actor, via, data) VALUES
         (gen_random_uuid(), $1, 'paged_by_pigeon', 'A pigeon flew off', 'system', NULL, '{"pigeon": true}'),
         (gen_random_uuid(), $1, 'notified', 'Paged someone somehow', 'system', 'sms', '{"attempt": "one"}'),
         (gen_random_uuid(), $1, 'note', 'an old note', 'system', 'api', '[1, 2]')`,
      [odd.id],
    );
    const res = await api.admin('GET', `/api/v1/incidents/${odd.id}`);
    expect(res.status).toBe(200);
    expect(res.body.timeline.map((e: { type: string; message: string; data: unknown }) => [e.type, e.message, e.data])).toEqual([
      ['opened', expect.stringMatching(/^Incident #\d+ opened with 6 alerts$/), { fingerprints: expect.any(Array) }],
      ['paged_by_pigeon', 'A pigeon flew off', { pigeon: true }],
      ['notified', 'Paged someone somehow', { attempt: 'one' }],
      ['note', 'an old note', {}],
    ]);
  });
});
