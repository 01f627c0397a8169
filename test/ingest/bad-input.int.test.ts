// What senders get for bad input: a clear 4xx naming the problem, never a crash,
// never a partial write; 5xx only when a retry can help. What Alertmanager can
// send but Postgres cannot store (NUL, huge values) is repaired and stored: a 4xx
// would make Alertmanager drop the good alerts beside the bad one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { alertmanagerFixture } from '../support/fixtures';
import { incidentsOf } from '../support/incident-state';
import { seedService, type SeededService } from '../support/seed-service';

const AM = '/api/v1/integrations/alertmanager';
const EVENTS = '/api/v1/integrations/events';

let api: TestApi;
let svc: SeededService;
let events: SeededService;
beforeAll(async () => {
  // a body limit of 1 MiB: the over-size case needs no more, the big values here fit
  api = await startTestApi({ env: { MAX_BODY_BYTES: '1048576', ALERTMANAGER_MAX_BODY_BYTES: '1048576' } });
  svc = await seedService(api.db);
  events = await seedService(api.db, { type: 'events' });
});
afterAll(async () => {
  await api?.close();
});

async function postRaw(body: string, headers: Record<string, string>) {
  const res = await fetch(`${api.baseUrl}${AM}`, { method: 'POST', headers, body });
  return { status: res.status, body: await res.json().catch(() => undefined) };
}

describe('authentication', () => {
  it('answers 401 without a key, with an unknown key, and with a key of another integration type', async () => {
    const events = await seedService(api.db, { type: 'events' });
    const payload = alertmanagerFixture('01-firing-initial-6-pods.json');
    for (const bearer of [undefined, 'hk_not-a-real-key', events.secret]) {
      const res = await api.post(AM, payload, bearer);
      expect(res.status).toBe(401);
      expect(res.body.error).toEqual({ code: 'unauthenticated', message: 'Missing or invalid integration key', fields: [] });
    }
    expect(await incidentsOf(api.db, events.serviceId)).toEqual([]);
  });

  it('answers 400, not 500, for a key in the URL that is not percent-encoded UTF-8', async () => {
    for (const key of ['%ff', '%ED%A0%80']) {
      const res = await api.post(`${AM}/${key}`, alertmanagerFixture('01-firing-initial-6-pods.json'));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^The URL is not valid: a path segment is not percent-encoded UTF-8/);
    }
  });

  it('answers 401 for a revoked key', async () => {
    const revoked = await seedService(api.db);
    await api.db.prisma.integrationKey.update({ where: { id: revoked.keyId }, data: { revokedAt: new Date() } });
    expect((await api.post(AM, alertmanagerFixture('01-firing-initial-6-pods.json'), revoked.secret)).status).toBe(401);
  });

  it('takes the key from the URL or from basic auth (for setups that cannot send a bearer token)', async () => {
    const inUrl = await seedService(api.db);
    expect((await api.post(`${AM}/${inUrl.secret}`, alertmanagerFixture('01-firing-initial-6-pods.json'))).status).toBe(200);
    const basic = await seedService(api.db);
    const res = await postRaw(JSON.stringify(alertmanagerFixture('01-firing-initial-6-pods.json')), {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`alertmanager:${basic.secret}`).toString('base64')}`,
    });
    expect(res.status).toBe(200);
  });
});

describe('malformed bodies', () => {
  const auth = () => ({ 'content-type': 'application/json', authorization: `Bearer ${svc.secret}` });

  it('400 for JSON that does not parse', async () => {
    const res = await postRaw('{"version": "4", "alerts": [', auth());
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toMatch(/not valid JSON/);
  });

  it('415 for a body that is not JSON', async () => {
    const res = await postRaw('version=4', { ...auth(), 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect(res.body.error.message).toBe('Content-Type must be application/json');
  });

  it('400 naming every bad field by its path', async () => {
    const payload = alertmanagerFixture('01-firing-initial-6-pods.json');
    payload.alerts[2].startsAt = 'yesterday';
    payload.alerts[3].labels = { pod: 42 };
    delete payload.alerts[4].fingerprint;
    payload.version = '3';
    const res = await api.post(AM, payload, svc.secret);
    expect(res.status).toBe(400);
    const paths = res.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['version', 'alerts.2.startsAt', 'alerts.3.labels.pod', 'alerts.4.fingerprint']));
    expect(res.body.error.message).toMatch(/^Alertmanager payload is invalid: /);
    expect(await incidentsOf(api.db, svc.serviceId)).toEqual([]);
  });

  it('400 for a missing alerts array and for nested label values', async () => {
    const { alerts: _a, ...noAlerts } = alertmanagerFixture('01-firing-initial-6-pods.json');
    expect((await api.post(AM, noAlerts, svc.secret)).body.error.fields).toEqual([{ path: 'alerts', message: 'must be an array of alerts' }]);

    const nested = alertmanagerFixture('01-firing-initial-6-pods.json');
    nested.alerts[0].annotations = { description: { deeply: { nested: ['x'] } } };
    const res = await api.post(AM, nested, svc.secret);
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('alerts.0.annotations.description');
  });

  it('400, not a crash, for pathologically deep nesting', async () => {
    const deep = '['.repeat(5_000) + ']'.repeat(5_000);
    const res = await postRaw(deep, auth());
    expect(res.status).toBe(400);
    // the process is still serving
    expect((await fetch(`${api.baseUrl}/healthz`)).status).toBe(200);
  });

  it('413 naming the limit for an over-size body', async () => {
    const payload = alertmanagerFixture('01-firing-initial-6-pods.json');
    payload.commonAnnotations.padding = 'x'.repeat(1_100_000);
    const res = await api.post(AM, payload, svc.secret);
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/larger than the limit of 1048576 bytes \(ALERTMANAGER_MAX_BODY_BYTES\)/);
  });
});

/** The alerts of a service as stored, by fingerprint. */
async function storedAlerts(serviceId: string) {
  const rows = await api.db.prisma.alert.findMany({ where: { serviceId }, include: { incident: true } });
  return Object.fromEntries(rows.map((r) => [r.fingerprint, r]));
}

describe('what Alertmanager can send but Postgres cannot store: stored, repaired, each change in warnings', () => {
  it('NUL in a label name or value, an annotation, generatorURL and groupKey becomes U+FFFD', async () => {
    const own = await seedService(api.db);
    const payload = alertmanagerFixture('01-firing-initial-6-pods.json');
    payload.groupKey += '\u0000';
    payload.alerts[0].labels.pod = 'collector\u00001';
    payload.alerts[0].labels['team\u0000name'] = 'infra';
    payload.alerts[1].annotations.description = 'bad\u0000byte';
    payload.alerts[2].generatorURL = 'http://prometheus:9090/graph?g0.expr=up\u0000';
    const res = await api.post(AM, payload, own.secret);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ alertsNew: 6, incidentsOpened: 1 });
    expect(res.body.warnings).toEqual(
      expect.arrayContaining([
        { path: 'groupKey', message: 'NUL characters replaced by U+FFFD' },
        { path: 'alerts.0.labels.pod', message: 'NUL characters replaced by U+FFFD' },
        { path: 'alerts.0.labels.team\uFFFDname', message: 'NUL characters in the name replaced by U+FFFD' },
        { path: 'alerts.1.annotations.description', message: 'NUL characters replaced by U+FFFD' },
        { path: 'alerts.2.generatorURL', message: 'NUL characters replaced by U+FFFD' },
      ]),
    );
    expect(res.body.warnings).toHaveLength(5);
    const stored = await storedAlerts(own.serviceId);
    expect(stored[payload.alerts[0].fingerprint]!.labels).toMatchObject({ pod: 'collector\uFFFD1', 'team\uFFFDname': 'infra' });
    expect(stored[payload.alerts[1].fingerprint]!.annotations).toMatchObject({ description: 'bad\uFFFDbyte' });
    expect(stored[payload.alerts[2].fingerprint]!.generatorUrl).toBe('http://prometheus:9090/graph?g0.expr=up\uFFFD');
    expect(stored[payload.alerts[0].fingerprint]!.incident.groupKey).toBe(`${alertmanagerFixture('01-firing-initial-6-pods.json').groupKey}\uFFFD`);

    // the same notification again is the same alerts: repaired the same way, deduplicated
    const again = await api.post(AM, payload, own.secret);
    expect(again.body).toMatchObject({ alertsNew: 0, alertsDeduplicated: 6 });
  });

  it('a label value of 100 KB is stored cut to 64 KiB, and the answer says so', async () => {
    const own = await seedService(api.db);
    const payload = alertmanagerFixture('01-firing-initial-6-pods.json');
    payload.alerts[0].labels.pod = 'é'.repeat(50_000); // 100,000 bytes of UTF-8
    payload.alerts[0].annotations.description = 'x'.repeat(65_536); // exactly the limit: kept
    const res = await api.post(AM, payload, own.secret);
    expect(res.status).toBe(200);
    expect(res.body.warnings).toEqual([{ path: 'alerts.0.labels.pod', message: 'truncated to 65536 bytes (64 KiB) of UTF-8 from 100000' }]);
    const stored = (await storedAlerts(own.serviceId))[payload.alerts[0].fingerprint]!;
    expect((stored.labels as Record<string, string>).pod).toBe('é'.repeat(32_768));
    expect((stored.annotations as Record<string, string>).description).toHaveLength(65_536);
  });

  it('an offset beyond the ±15:59 Postgres reads but within RFC 3339 is stored as the same instant', async () => {
    const own = await seedService(api.db);
    const payload = alertmanagerFixture('01-firing-initial-6-pods.json');
    payload.alerts = [{ ...payload.alerts[0], startsAt: '2026-11-28T19:50:40.080798287-23:59' }];
    const res = await api.post(AM, payload, own.secret);
    expect(res.status).toBe(200);
    expect(res.body.warnings).toEqual([]);
    const stored = (await storedAlerts(own.serviceId))[payload.alerts[0].fingerprint]!;
    expect(stored.startsAt.toISOString()).toBe('2026-11-29T19:49:40.080Z');
  });

  it('answers a normal notification with an empty warnings list', async () => {
    const own = await seedService(api.db);
    const res = await api.post(AM, alertmanagerFixture('01-firing-initial-6-pods.json'), own.secret);
    expect(res.body.warnings).toEqual([]);
  });
});

describe('what no Alertmanager sends: 400 naming the field and what is wrong, nothing stored', () => {
  async function refused(mutate: (payload: ReturnType<typeof alertmanagerFixture>) => void) {
    const own = await seedService(api.db);
    const payload = alertmanagerFixture('01-firing-initial-6-pods.json');
    mutate(payload);
    const res = await api.post(AM, payload, own.secret);
    expect(res.status).toBe(400);
    expect(await incidentsOf(api.db, own.serviceId)).toEqual([]);
    return res.body.error.fields;
  }

  it.each([
    ['2026-02-30T00:00:00Z', 'is not a calendar date: 2026-02-30 does not exist'],
    ['2026-11-28T24:00:00Z', 'is not a time of day: 24:00:00 does not exist'],
    ['0000-01-01T00:00:00Z', 'is out of range: must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z'],
    ['9999-12-31T23:59:59-23:59', 'is out of range: must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z'],
    ['2026-11-28T19:50:40+24:00', 'has an offset out of range: at most ±23:59'],
  ])('a date Postgres would refuse (%s)', async (date, message) => {
    expect(await refused((p) => (p.alerts[3].startsAt = date))).toEqual([{ path: 'alerts.3.startsAt', message }]);
    expect(await refused((p) => (p.alerts[1].endsAt = date))).toEqual([{ path: 'alerts.1.endsAt', message }]);
  });

  it('a lone surrogate in a label value, a label name or an annotation', async () => {
    const message = 'contains a lone UTF-16 surrogate (such as \\ud800): not Unicode text';
    expect(await refused((p) => (p.alerts[0].labels.pod = 'collector-\ud800'))).toEqual([{ path: 'alerts.0.labels.pod', message }]);
    expect(await refused((p) => (p.alerts[0].annotations.summary = '\udc00 lone low half'))).toEqual([
      { path: 'alerts.0.annotations.summary', message },
    ]);
    const fields = await refused((p) => (p.alerts[0].labels['\ud800name'] = 'x'));
    expect(fields).toHaveLength(1);
    expect(fields[0].path).toMatch(/^alerts\.0\.labels\./);
    expect(fields[0].message).toBe(`label name ${message}`);
  });

  it('truncatedAlerts out of range (2^31), and a label value that is not a string says so', async () => {
    expect(await refused((p) => (p.truncatedAlerts = 2 ** 31))).toEqual([
      { path: 'truncatedAlerts', message: 'is out of range: at most 2147483647' },
    ]);
    expect(await refused((p) => (p.alerts[0].labels.pod = 42))).toEqual([{ path: 'alerts.0.labels.pod', message: 'must be a string' }]);
  });
});

describe('Events API input', () => {
  const trigger = (payload: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
    routing_key: events.secret,
    event_action: 'trigger',
    dedup_key: `k-${Math.random().toString(36).slice(2)}`,
    payload: { summary: 'Disk full on db-1', source: 'db-1', severity: 'critical', ...payload },
    ...more,
  });

  it('NUL in summary or dedup_key: 202, stored with U+FFFD, and the same key acknowledges it', async () => {
    const res = await api.post(EVENTS, trigger({ summary: 'Disk\u0000full' }, { dedup_key: 'disk\u0000db-1' }));
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ dedup_key: 'disk\uFFFDdb-1', message: 'Event processed: incident triggered' });
    expect(res.body.warnings).toEqual([
      { path: 'dedup_key', message: 'NUL characters replaced by U+FFFD' },
      { path: 'payload.summary', message: 'NUL characters replaced by U+FFFD' },
    ]);
    const incident = await api.db.prisma.incident.findFirstOrThrow({ where: { number: res.body.incident_number } });
    expect(incident.title).toBe('Disk\uFFFDfull');
    const ack = await api.post(EVENTS, { routing_key: events.secret, event_action: 'acknowledge', dedup_key: 'disk\u0000db-1' });
    expect(ack.body).toMatchObject({ message: 'Event processed: incident acknowledged', warnings: [{ path: 'dedup_key', message: 'NUL characters replaced by U+FFFD' }] });
  });

  it('a lone surrogate in summary: 400 naming it', async () => {
    const res = await api.post(EVENTS, trigger({ summary: 'Disk \ud800 full' }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      { path: 'payload.summary', message: 'contains a lone UTF-16 surrogate (such as \\ud800): not Unicode text' },
    ]);
  });

  it('a summary over 1,024 characters: 400 saying it is too long, with the limit', async () => {
    const res = await api.post(EVENTS, trigger({ summary: 'x'.repeat(1_025) }));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Event is invalid: payload.summary is too long: at most 1024 characters');
  });

  it('a timestamp that is not one: 400 naming it; PagerDuty-style timestamps pass', async () => {
    const bad = await api.post(EVENTS, trigger({ timestamp: 'not a date' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([{ path: 'payload.timestamp', message: 'must be an RFC 3339 timestamp such as 2026-11-28T19:50:40.08Z' }]);
    expect((await api.post(EVENTS, trigger({ timestamp: '2026-02-30T08:42:58Z' }))).body.error.fields[0].path).toBe('payload.timestamp');
    for (const timestamp of ['2015-07-17T08:42:58.315+0000', '2015-07-17T08:42:58.315+00:00', '2015-07-17T08:42:58Z']) {
      expect((await api.post(EVENTS, trigger({ timestamp }))).status).toBe(202);
    }
  });

  it('custom_details over 64 KiB as JSON, or an array of 200,000 elements: 400 naming the limit, not a crash', async () => {
    const big = await api.post(EVENTS, trigger({ custom_details: { log: 'x'.repeat(70_000) } }));
    expect(big.status).toBe(400);
    expect(big.body.error.fields).toEqual([
      { path: 'payload.custom_details', message: 'is too large: at most 65536 bytes (64 KiB) as JSON, this is 70010' },
    ]);
    const wide = await api.post(EVENTS, trigger({ custom_details: Array(200_000).fill(0) }));
    expect(wide.status).toBe(400);
    expect(wide.body.error.fields[0].path).toBe('payload.custom_details');
    expect(wide.body.error.fields[0].message).toMatch(/^is too large: at most 65536 bytes/);
    // NUL inside custom_details is stored as JSON text: harmless, kept, no warning
    const nul = await api.post(EVENTS, trigger({ custom_details: { note: 'a\u0000b' } }));
    expect(nul.status).toBe(202);
    expect(nul.body.warnings).toEqual([]);
  });
});

describe('Postgres unavailable', () => {
  it('answers 503 with Retry-After within seconds, so Alertmanager retries', async () => {
    const down = await startTestApi({ databaseUrl: 'postgresql://postgres@127.0.0.1:1/nothing' });
    const res = await down.post(AM, alertmanagerFixture('01-firing-initial-6-pods.json'), svc.secret);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.body.error.code).toBe('unavailable');
    const ready = await fetch(`${down.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    await down.close();
  });
});

describe('admin requests without a body', () => {
  it('accept a POST with Content-Length: 0 and no Content-Type, as fetch() sends it', async () => {
    const res = await fetch(`${api.baseUrl}/api/v1/incidents/00000000-0000-4000-8000-000000000000/acknowledge`, {
      method: 'POST',
      headers: { authorization: `Bearer ${(await import('../support/api-server')).TEST_ADMIN_KEY}` },
    });
    // reaches the route (404: no such incident), not a 415
    expect(res.status).toBe(404);
  });
});
