// Property test (fast-check): generated hostile payloads — strings with NUL and
// lone surrogates, huge values, odd dates, deep nesting, wrong types, missing and
// extra fields — posted over real HTTP to the real api and Postgres, to both
// ingest endpoints. Never a 5xx; a 2xx is committed. Runs with a fixed seed and a
// random one (printed in the test name; HOSTILE_SEED=<n> replays one).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { seedService, type SeededService } from '../support/seed-service';

const AM = '/api/v1/integrations/alertmanager';
const EVENTS = '/api/v1/integrations/events';
const RUNS = 75;
const SEEDS = [14, Number(process.env.HOSTILE_SEED ?? Math.floor(Math.random() * 2 ** 31))];

let api: TestApi;
let am: SeededService;
let amByNode: SeededService;
let events: SeededService;
beforeAll(async () => {
  api = await startTestApi();
  am = await seedService(api.db);
  amByNode = await seedService(api.db, { groupBy: ['node', 'constructor'] });
  events = await seedService(api.db, { type: 'events' });
});
afterAll(async () => {
  await api?.close();
});

// ---- generators -----------------------------------------------------------------
// A payload is a valid one whose strings are as nasty as a sender may make them
// (NUL, emoji, 70 KB), then 0-2 of its fields — anywhere — replaced by something
// no sender should send (lone surrogates, wrong types, deep nesting, odd dates)
// or dropped. About half the requests are accepted, so repair and commit are tested too.

/** One character a sender may send: any code point, NUL and friends more often. */
const char = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.constantFrom('\u0000', '😀', 'é', '"', '\\', '\n', '%00', '{', '=', ','),
);
/** Text a sender may send: stored, perhaps repaired. */
const nastyText = (minLength = 0, maxLength = 24) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.string({ unit: char, minLength, maxLength }) },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'severity', 'node') },
    {
      weight: maxLength > 1_000 ? 1 : 0,
      arbitrary: fc
        .tuple(fc.constantFrom('x', 'é', '😀', '\u0000'), fc.integer({ min: 20_000, max: 70_000 }))
        .map(([c, n]) => c.repeat(n)),
    },
  );
/** Text no sender should send: lone surrogates in it. */
const brokenText = fc.string({
  unit: fc.oneof(char, fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff')),
  minLength: 1,
  maxLength: 16,
}).filter((t) => /[\ud800-\udfff]/.test(t.replace(/[\ud800-\udbff][\udc00-\udfff]/g, '')));
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(2 ** 31, -1, 2 ** 53, 1e308, 0.5),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
);
/** JSON nested 1-60 levels deep. */
const deep = fc
  .tuple(fc.integer({ min: 1, max: 60 }), fc.boolean(), fc.jsonValue({ maxDepth: 1 }))
  .map(([depth, arrays, leaf]) => {
    let v: unknown = leaf;
    for (let i = 0; i < depth; i++) v = arrays ? [v] : { d: v };
    return v;
  });

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');
/** A real instant written with any offset up to ±23:59 and 0-9 fraction digits. */
const goodDate = fc
  .tuple(
    fc.integer({ min: Date.UTC(2, 0, 1), max: Date.UTC(9998, 11, 31) }),
    fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
    fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 9 }),
    fc.constantFrom(':', ''),
  )
  .map(([t, offset, fraction, colon]) => {
    const local = new Date(t + offset * 60_000).toISOString().slice(0, 19);
    const zone = offset === 0 && colon === ':' ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}${colon}${pad(offset % 60)}`;
    return `${local}${fraction ? `.${fraction}` : ''}${zone}`;
  });
const oddDate = fc.oneof(
  fc.constantFrom(
    '2026-02-30T00:00:00Z',
    '2024-02-29T23:59:60Z',
    '0000-01-01T00:00:00Z',
    '0001-01-01T00:00:00+00:01',
    '9999-12-31T23:59:59-23:59',
    '2026-11-28T19:50:40+24:00',
    '2026-11-28T19:50:40.1234567890Z',
    '2026-11-28T19:50:40',
    'not a date',
    '',
  ),
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.nat(99), fc.nat(99), fc.nat(99), fc.nat(99), fc.nat(99), fc.nat(99), fc.nat(99))
    .map(([y, mo, d, h, mi, s, oh, om]) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}-${pad(oh)}:${pad(om)}`),
);
const hostile = fc.oneof(brokenText, wrongType, deep, oddDate, fc.constant(undefined));

const labelSet = (maxKeys: number) => fc.dictionary(nastyText(1), nastyText(0, 70_000), { maxKeys });
const alert = fc.record({
  status: fc.constantFrom('firing', 'resolved'),
  labels: fc
    .tuple(fc.constantFrom('NodeDown', 'KubePodCrashLooping'), fc.nat(3), labelSet(4))
    .map(([alertname, node, more]) => ({ alertname, node: `node-${node}`, ...more })),
  annotations: labelSet(3),
  startsAt: goodDate,
  endsAt: fc.oneof(fc.constant('0001-01-01T00:00:00Z'), goodDate),
  generatorURL: nastyText(0, 70_000),
  fingerprint: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 16, maxLength: 16 }),
});
const goodAlertmanager = fc.record({
  version: fc.constant('4'),
  groupKey: nastyText(1, 70_000),
  truncatedAlerts: fc.oneof(fc.nat(1_000), fc.constant(2 ** 31 - 1)),
  status: fc.constantFrom('firing', 'resolved'),
  receiver: nastyText(),
  groupLabels: labelSet(2),
  commonLabels: labelSet(2),
  commonAnnotations: labelSet(2),
  externalURL: fc.oneof(fc.constant('http://127.0.0.1:9093'), nastyText()),
  alerts: fc.array(alert, { maxLength: 5 }),
});

const goodEvent = fc.oneof(
  fc.record(
    {
      event_action: fc.constant('trigger'),
      dedup_key: fc.oneof(fc.constantFrom('disk-db-1', 'disk\u0000db-1', 'k'.repeat(255)), nastyText(1, 40)),
      payload: fc.record(
        {
          summary: fc.oneof(nastyText(1, 40), fc.constant('s'.repeat(1_024))),
          source: nastyText(1, 40),
          severity: fc.constantFrom('critical', 'error', 'warning', 'info'),
          timestamp: goodDate,
          component: nastyText(0, 40),
          group: nastyText(0, 40),
          class: nastyText(0, 40),
          custom_details: fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.dictionary(fc.string({ unit: char }), fc.string({ unit: char }), { maxKeys: 4 })),
        },
        { requiredKeys: ['summary', 'source', 'severity'] },
      ),
      links: fc.array(fc.record({ href: nastyText(0, 40), text: nastyText(0, 40) }, { requiredKeys: ['href'] }), { maxLength: 3 }),
      client: nastyText(0, 40),
      client_url: nastyText(0, 40),
    },
    { requiredKeys: ['event_action', 'payload'] },
  ),
  fc.record({ event_action: fc.constantFrom('acknowledge', 'resolve'), dedup_key: fc.oneof(fc.constantFrom('disk-db-1', 'disk\u0000db-1'), nastyText(1, 40)) }),
);
const customDetailsTooBig = fc.oneof(
  deep,
  fc.integer({ min: 1, max: 250_000 }).map((n) => Array(n).fill(0)),
  fc.integer({ min: 60_000, max: 80_000 }).map((n) => ({ log: 'x'.repeat(n) })),
);

/** Every path into a value (not the root itself). */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = [...prefix, Array.isArray(value) ? Number(k) : k];
      out.push(p);
      paths(v, p, out);
    }
  }
  return out;
}

/** `good` with 0-2 of its fields (anywhere) replaced by hostile values, or dropped. */
function mutated<T>(good: fc.Arbitrary<T>, extra: fc.Arbitrary<unknown> = hostile): fc.Arbitrary<T> {
  const mutation = fc.tuple(fc.nat(), fc.oneof(hostile, extra));
  return fc
    .tuple(good, fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 2 }) }))
    .map(([value, mutations]) => {
      const copy = structuredClone(value) as Record<string | number, unknown>;
      for (const [pick, replacement] of mutations) {
        const all = paths(copy);
        if (all.length === 0) break;
        const path = all[pick % all.length]!;
        let parent = copy;
        for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
        const last = path[path.length - 1]!;
        if (replacement === undefined) delete parent[last];
        else parent[last] = replacement;
      }
      return copy as T;
    });
}

const alertmanagerPayload = mutated(goodAlertmanager);
const event = mutated(goodEvent, customDetailsTooBig);

/** Whether a NUL is in what is stored (zod's records drop a `__proto__` key: Prometheus reserves `__` names anyway). */
function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => k !== '__proto__' && (k.includes('\u0000') || hasNul(v)));
  }
  return false;
}

// ---- properties -----------------------------------------------------------------

async function post(path: string, body: unknown, bearer?: string) {
  const res = await fetch(`${api.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- arbitrary JSON answers
  return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
}

async function storedFingerprints(serviceId: string, fingerprints: string[]): Promise<Set<string>> {
  const r = await api.db.pool.query<{ fingerprint: string }>(
    'SELECT DISTINCT fingerprint FROM alerts WHERE service_id = $1 AND fingerprint = ANY($2::text[])',
    [serviceId, fingerprints],
  );
  return new Set(r.rows.map((row) => row.fingerprint));
}

describe.each(SEEDS)('hostile input (seed %i)', (seed) => {
  it('Alertmanager webhook: never a 5xx; a 200 is committed', { timeout: 180_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(alertmanagerPayload, fc.boolean(), async (payload, byNode) => {
        const svc = byNode ? amByNode : am;
        const res = await post(AM, payload, svc.secret);
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        if (res.status !== 200) {
          expect(res.status).toBe(400);
          expect(res.body.error.fields.length).toBeGreaterThan(0);
          return;
        }
        // what was repaired is said
        if (hasNul(payload)) expect(res.body.warnings.length).toBeGreaterThan(0);
        // every firing alert of an accepted notification is stored
        const firing = (payload.alerts as { status: string; fingerprint: string }[]).filter((a) => a.status === 'firing').map((a) => a.fingerprint);
        const stored = await storedFingerprints(svc.serviceId, firing);
        expect(firing.filter((f) => !stored.has(f))).toEqual([]);
      }),
      { seed, numRuns: RUNS },
    );
  });

  it('Events API: never a 5xx; a 202 trigger is committed', { timeout: 180_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(event, async (e) => {
        const res = await post(EVENTS, { routing_key: events.secret, ...e });
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        if (res.status !== 202) {
          expect(res.status).toBe(400);
          expect(res.body.error.fields.length).toBeGreaterThan(0);
          return;
        }
        expect(Array.isArray(res.body.warnings)).toBe(true);
        if (e.event_action === 'trigger') {
          expect(await storedFingerprints(events.serviceId, [res.body.dedup_key])).toEqual(new Set([res.body.dedup_key]));
        }
      }),
      { seed, numRuns: RUNS },
    );
  });
});

it('the api is still serving after all that', async () => {
  expect((await fetch(`${api.baseUrl}/healthz`)).status).toBe(200);
});
