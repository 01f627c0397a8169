// The escalation policies admin API through real HTTP: the shape, 400s
// naming the field (unknown team, users, schedules; limits), who may change
// which policy, the audit log, and deleting a policy services still use.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type SignedInUser, type TestApi } from '../support/api-server';

let api: TestApi;
const team = {} as Record<'A' | 'B', { id: string; name: string }>;
let alice: SignedInUser;
let leadA: SignedInUser;
let responderA: SignedInUser;
let scheduleId: string;

beforeAll(async () => {
  api = await startTestApi();
  for (const [t, name] of [['A', 'Collector'], ['B', 'Payments']] as const) {
    team[t] = (await api.admin('POST', '/api/v1/teams', { name })).body;
  }
  alice = await api.createUser({ name: 'Alice', teams: { [team.A.id]: 'responder' } });
  leadA = await api.createUser({ name: 'Lena', teams: { [team.A.id]: 'lead' } });
  responderA = await api.createUser({ name: 'Rob', teams: { [team.A.id]: 'responder' } });
  const schedule = await api.admin('POST', '/api/v1/schedules', {
    name: 'Collector primary',
    teamId: team.A.id,
    timeZone: 'Europe/Berlin',
    layers: [{ name: 'weekly', members: [alice.id], rotation: { type: 'weekly', shiftLength: 1 }, start: '2026-03-16T09:00:00+01:00' }],
  });
  expect(schedule.status, JSON.stringify(schedule.body)).toBe(201);
  scheduleId = schedule.body.id;
});
afterAll(async () => {
  await api?.close();
});

const policyBody = (over: Record<string, unknown> = {}) => ({
  name: `policy-${randomUUID().slice(0, 8)}`,
  teamId: team.A.id,
  repeat: 1,
  steps: [
    { delayMinutes: 5, targets: [{ type: 'schedule', id: scheduleId }] },
    { delayMinutes: 10, targets: [{ type: 'user', id: leadA.id }, { type: 'slackChannel', id: 'C0123ABC' }] },
  ],
  ...over,
});
const paths = (body: { error: { fields: { path: string }[] } }) => body.error.fields.map((f) => f.path);

describe('creating and reading policies', () => {
  it('answers 201 with the issue shape, readable by id and in the list', async () => {
    const body = policyBody();
    const res = await api.admin('POST', '/api/v1/escalation-policies', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      ...body,
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: expect.stringMatching(/Z$/),
    });
    expect(res.headers.get('location')).toBe(`/api/v1/escalation-policies/${res.body.id}`);
    expect((await api.admin('GET', `/api/v1/escalation-policies/${res.body.id}`)).body).toEqual(res.body);
    const list = await api.admin('GET', '/api/v1/escalation-policies?limit=200');
    expect(list.body.items).toContainEqual(res.body);
  });

  it('repeat defaults to 0', async () => {
    const { repeat: _, ...body } = policyBody();
    const res = await api.admin('POST', '/api/v1/escalation-policies', body);
    expect(res.status).toBe(201);
    expect(res.body.repeat).toBe(0);
  });

  it('names unknown users, schedules and teams by their field', async () => {
    const ghost = randomUUID();
    const res = await api.admin(
      'POST',
      '/api/v1/escalation-policies',
      policyBody({
        teamId: randomUUID(),
        steps: [
          { delayMinutes: 5, targets: [{ type: 'user', id: ghost }, { type: 'schedule', id: randomUUID() }] },
          { delayMinutes: 5, targets: [{ type: 'user', id: 'not-a-uuid' }] },
        ],
      }),
    );
    expect(res.status).toBe(400);
    expect(paths(res.body)).toEqual(['teamId', 'steps.0.targets.0.id', 'steps.0.targets.1.id', 'steps.1.targets.0.id']);
    expect(res.body.error.fields[1].message).toBe(`refers to user ${ghost}, which does not exist`);
    expect(res.body.error.message).toMatch(/^Request body is invalid: teamId refers to team/);
  });

  it('names shape and limit problems', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ steps: [] }, ['steps']],
      [{ repeat: 10 }, ['repeat']],
      [{ steps: [{ delayMinutes: 0, targets: [{ type: 'user', id: leadA.id }] }] }, ['steps.0.delayMinutes']],
      [{ steps: [{ delayMinutes: 5, targets: [{ type: 'team', id: team.A.id }] }] }, ['steps.0.targets.0.type']],
      [{ steps: [{ delayMinutes: 5, targets: [] }] }, ['steps.0.targets']],
      [{ steps: [{ delayMinutes: 5, targets: [{ type: 'user', id: leadA.id }, { type: 'user', id: leadA.id }] }] }, ['steps.0.targets.1']],
      [{ name: '' }, ['name']],
      [{ extra: true }, ['extra']],
    ];
    for (const [over, expected] of cases) {
      const res = await api.admin('POST', '/api/v1/escalation-policies', policyBody(over));
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect(paths(res.body), JSON.stringify(over)).toEqual(expected);
    }
  });

  it('404s an unknown id', async () => {
    const id = randomUUID();
    const res = await api.admin('GET', `/api/v1/escalation-policies/${id}`);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(`Escalation policy ${id} does not exist`);
  });
});

describe('changing policies', () => {
  it('PATCH replaces the fields given; no change writes nothing', async () => {
    const created = (await api.admin('POST', '/api/v1/escalation-policies', policyBody())).body;
    const steps = [{ delayMinutes: 15, targets: [{ type: 'user', id: alice.id }] }];
    const res = await api.admin('PATCH', `/api/v1/escalation-policies/${created.id}`, { steps, repeat: 0 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ name: created.name, teamId: team.A.id, repeat: 0, steps });
    const again = await api.admin('PATCH', `/api/v1/escalation-policies/${created.id}`, { steps, repeat: 0 });
    expect(again.body.updatedAt).toBe(res.body.updatedAt);
    const entries = await api.db.prisma.auditLogEntry.findMany({ where: { entityId: created.id }, orderBy: { createdAt: 'asc' } });
    expect(entries.map((e) => e.action)).toEqual(['escalation_policy.create', 'escalation_policy.update']);
    expect(entries[1]).toMatchObject({ actor: 'api-key:bootstrap', before: expect.objectContaining({ repeat: 1 }), after: expect.objectContaining({ repeat: 0, steps }) });
  });

  it('PATCH names unknown targets too', async () => {
    const created = (await api.admin('POST', '/api/v1/escalation-policies', policyBody())).body;
    const res = await api.admin('PATCH', `/api/v1/escalation-policies/${created.id}`, { steps: [{ delayMinutes: 5, targets: [{ type: 'schedule', id: randomUUID() }] }] });
    expect(res.status).toBe(400);
    expect(paths(res.body)).toEqual(['steps.0.targets.0.id']);
  });

  it('DELETE refuses while a service uses the policy, then deletes', async () => {
    const created = (await api.admin('POST', '/api/v1/escalation-policies', policyBody())).body;
    const svc = (await api.admin('POST', '/api/v1/services', { name: `svc-${randomUUID().slice(0, 6)}`, teamId: team.A.id, escalationPolicyId: created.id })).body;
    const refused = await api.admin('DELETE', `/api/v1/escalation-policies/${created.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(`Cannot delete escalation policy ${created.name}: services use it (${svc.name}); point them at another policy first`);
    await api.admin('PATCH', `/api/v1/services/${svc.id}`, { escalationPolicyId: null });
    expect((await api.admin('DELETE', `/api/v1/escalation-policies/${created.id}`)).status).toBe(204);
    expect((await api.admin('GET', `/api/v1/escalation-policies/${created.id}`)).status).toBe(404);
    const audit = await api.admin('GET', `/api/v1/audit-log?entityType=escalation_policy&entityId=${created.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['escalation_policy.create', 'escalation_policy.delete']);
  });
});

describe('who may change policies', () => {
  it('leads of the team may; responders and leads of another team may not, with the reason', async () => {
    const byLead = await leadA.call('POST', '/api/v1/escalation-policies', policyBody());
    expect(byLead.status, JSON.stringify(byLead.body)).toBe(201);
    const entry = await api.db.prisma.auditLogEntry.findFirst({ where: { entityId: byLead.body.id } });
    expect(entry).toMatchObject({ actor: `user:${leadA.id}`, action: 'escalation_policy.create' });

    const body = policyBody();
    const byResponder = await responderA.call('POST', '/api/v1/escalation-policies', body);
    expect(byResponder.status).toBe(403);
    expect(byResponder.body.error.message).toBe('Only leads of team Collector or admins can create escalation policies in team Collector');
    expect(await api.db.prisma.escalationPolicy.count({ where: { name: body.name } })).toBe(0);

    expect((await responderA.call('PATCH', `/api/v1/escalation-policies/${byLead.body.id}`, { name: 'x' })).status).toBe(403);
    const move = await leadA.call('PATCH', `/api/v1/escalation-policies/${byLead.body.id}`, { teamId: team.B.id });
    expect(move.status).toBe(403);
    expect(move.body.error.message).toBe(`Only leads of team Payments or admins can move escalation policy ${byLead.body.name} to team Payments`);
    expect((await leadA.call('DELETE', `/api/v1/escalation-policies/${byLead.body.id}`)).status).toBe(204);
  });

  it('everyone signed in may read', async () => {
    expect((await responderA.call('GET', '/api/v1/escalation-policies')).status).toBe(200);
  });
});
