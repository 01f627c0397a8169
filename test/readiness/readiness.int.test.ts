// GET /api/v1/readiness through real HTTP on a real database: the demo seed is
// clean; a setup with one of each hole gets each finding, with the object's name
// and a link to fix it; the team filter; reads for every caller; 400 and 401.
import { randomUUID } from 'node:crypto';
import { pagingReadinessJson } from '@heinrich/contracts/readiness';
import { seedDemo } from '@heinrich/usecases/demo/seed-demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type SignedInUser, type TestApi } from '../support/api-server';
import { alertmanagerFixture } from '../support/fixtures';

const DAY = 86_400_000;
let api: TestApi;
// the use cases' clock: moved 40 days ahead to age the integrations
let offset = 0;

beforeAll(async () => {
  api = await startTestApi({ now: () => new Date(Date.now() + offset) });
});
afterAll(async () => {
  await api?.close();
});

type Finding = { kind: string; severity: string; object: { type: string; id: string; name: string }; teamId: string | null; message: string; link: string; policy?: { name: string; step: number } };
const readiness = async (query = '') => {
  const res = await api.admin('GET', `/api/v1/readiness${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  // the answer is what the contract (and the OpenAPI document) says
  pagingReadinessJson.parse(res.body);
  return res.body as { from: string; to: string; findings: Finding[] };
};
const brief = (findings: Finding[]) => findings.map((f) => `${f.severity} ${f.kind} ${f.object.name}`);
const ok = async (p: Promise<{ status: number; body: { id: string } }>) => {
  const res = await p;
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
};

describe('the demo seed', () => {
  it('is fully covered: readiness finds nothing', async () => {
    await seedDemo(api.ctx);
    const report = await readiness();
    expect(report.findings).toEqual([]);
    expect(Date.parse(report.to) - Date.parse(report.from)).toBe(14 * DAY);
  });
});

describe('a setup with holes', () => {
  let team: { id: string; name: string };
  let viewer: SignedInUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    team = await ok(api.admin('POST', '/api/v1/teams', { name: `Holes ${randomUUID().slice(0, 6)}` })) as { id: string; name: string };
    viewer = await api.createUser({ name: 'Vera', teams: { [team.id]: 'viewer' } });
    const person = async (name: string, method: 'log' | 'sms' | null, delayMinutes = 0) => {
      const user = await api.createUser({ name, teams: { [team.id]: 'responder' } });
      if (method) {
        const m = await ok(api.admin('POST', `/api/v1/users/${user.id}/contact-methods`, { type: method, value: method === 'sms' ? '+14155550100' : name }));
        await ok(api.admin('POST', `/api/v1/users/${user.id}/notification-rules`, { contactMethodId: m.id, delayMinutes }));
      }
      return user.id;
    };
    ids.ann = await person('Ann', 'log');
    ids.ben = await person('Ben', 'sms'); // an unverified number: cannot be paged
    ids.dan = await person('Dan', 'log', 30); // first notified after 30 min

    const schedule = (name: string, members: string[], extra: Record<string, unknown> = {}) =>
      ok(
        api.admin('POST', '/api/v1/schedules', {
          name,
          teamId: team.id,
          timeZone: 'Europe/Berlin',
          layers: [{ name: 'layer', members, rotation: { type: 'weekly', shiftLength: 1 }, start: '2026-01-05T09:00:00+01:00', ...extra }],
        }),
      );
    ids.allDay = (await schedule('All day', [ids.ann!])).id;
    ids.office = (await schedule('Office hours', [ids.ben!], { restrictions: [{ type: 'daily', start: '09:00', end: '17:00' }] })).id;
    ids.spare = (await schedule('Spare', [ids.ann!])).id;

    const policy = (name: string, steps: unknown[], repeat = 0) => ok(api.admin('POST', '/api/v1/escalation-policies', { name, teamId: team.id, repeat, steps }));
    // step 1 targets the office schedule AND the all-day one: a gap, but the step still pages
    ids.main = (await policy('Main', [
      { delayMinutes: 10, targets: [{ type: 'schedule', id: ids.allDay }, { type: 'schedule', id: ids.office }] },
      { delayMinutes: 10, targets: [{ type: 'user', id: ids.dan }] },
    ], 1)).id;
    ids.nights = (await policy('Office only', [{ delayMinutes: 5, targets: [{ type: 'schedule', id: ids.office }] }])).id;
    ids.unused = (await policy('Nobody uses me', [{ delayMinutes: 5, targets: [{ type: 'user', id: ids.ann }] }])).id;

    const service = (name: string, escalationPolicyId: string | null) => ok(api.admin('POST', '/api/v1/services', { name, teamId: team.id, escalationPolicyId }));
    ids.checkout = (await service('Checkout', ids.main)).id;
    ids.office_service = (await service('Back office', ids.nights)).id;
    ids.orphan = (await service('Batch jobs', null)).id;
    const key = await ok(api.admin('POST', `/api/v1/services/${ids.checkout}/integration-keys`, { type: 'alertmanager', name: 'prometheus' })) as { id: string; key?: string; secret?: string };
    ids.key = key.id;
    const secret = key.key ?? key.secret;
    // the key receives an alert now: silent only once 30 days have passed
    expect((await api.post('/api/v1/integrations/alertmanager', alertmanagerFixture('01-firing-initial-6-pods.json'), secret)).status).toBe(200);
  });

  it('finds each hole with the object, a message and a link to fix it', async () => {
    const { findings } = await readiness(`?teamId=${team.id}`);
    expect(brief(findings)).toEqual([
      'critical step_pages_nobody Office only',
      'critical responder_unreachable Ben',
      'critical responder_unreachable Ben',
      'critical service_without_policy Batch jobs',
      'warning schedule_gap Office hours',
      "warning responder_slow_rules Dan",
      'info policy_unused Nobody uses me',
      'info schedule_unused Spare',
    ]);
    const byKind = (kind: string) => findings.find((f) => f.kind === kind)!;
    expect(byKind('schedule_gap')).toMatchObject({ object: { type: 'schedule', id: ids.office }, link: `/schedules/${ids.office}`, teamId: team.id });
    expect(byKind('schedule_gap').message).toMatch(/^Schedule Office hours has nobody on call 1[45] times, .* in all; the first from .* \(Europe\/Berlin\) for /);
    expect(byKind('step_pages_nobody')).toMatchObject({ link: `/policies/${ids.nights}`, policy: { name: 'Office only', step: 1 } });
    expect(findings.filter((f) => f.kind === 'responder_unreachable').map((f) => [f.policy?.name, f.link])).toEqual([
      ['Main', `/users/${ids.ben}`],
      ['Office only', `/users/${ids.ben}`],
    ]);
    expect(byKind('responder_unreachable').message).toContain('SMS unverified');
    expect(byKind('responder_slow_rules').message).toBe("Dan's first notification comes after 30 min, but step 2 of Main escalates after 10 min");
    expect(byKind('service_without_policy')).toMatchObject({ link: `/services/${ids.orphan}`, message: 'Service Batch jobs has no escalation policy: its incidents page nobody' });
  });

  it('40 days on, the keys that received nothing since are possibly broken senders', async () => {
    offset = 40 * DAY;
    try {
      const { findings } = await readiness(`?teamId=${team.id}`);
      const silent = findings.filter((f) => f.kind === 'integration_silent');
      expect(silent.map((f) => [f.object.type, f.object.name, f.link])).toEqual([['integration_key', 'prometheus', `/services/${ids.checkout}`]]);
      expect(silent[0]!.message).toBe('Integration key prometheus has received nothing for 40 days: is its sender broken?');
    } finally {
      offset = 0;
    }
  });

  it('fixing a hole removes its finding', async () => {
    await ok(api.admin('PATCH', `/api/v1/services/${ids.orphan}`, { escalationPolicyId: ids.unused }));
    const kinds = brief((await readiness(`?teamId=${team.id}`)).findings);
    expect(kinds).not.toContain('critical service_without_policy Batch jobs');
    expect(kinds).not.toContain('info policy_unused Nobody uses me');
  });

  it('every signed-in caller may read it; bad input is a 400 naming the field; no credential a 401', async () => {
    const res = await viewer.call('GET', `/api/v1/readiness?teamId=${team.id}`);
    expect(res.status).toBe(200);
    expect(res.body.findings.length).toBeGreaterThan(0);
    const bad = await api.admin('GET', '/api/v1/readiness?teamId=nope');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['teamId']);
    expect((await api.request('GET', '/api/v1/readiness')).status).toBe(401);
  });
});
