// "Why was I (not) paged?" through the real api and worker: explain answers
// from what the engine recorded, for the people who would expect a page and
// got none: replaced by an override, someone else's shift, acknowledged before
// their turn, and people the escalation never named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../worker/eventually';
import { startEscalationWorld, type EscalationWorld } from './escalation-world';

let world: EscalationWorld;

beforeAll(async () => {
  world = await startEscalationWorld();
}, 60_000);

afterAll(async () => {
  await world?.close();
});

interface Explained {
  userId: string;
  name: string;
  paged: boolean;
  reached: boolean;
  summary: string;
  reasons: { code: string; message: string; params: Record<string, unknown> }[];
  facts: { at: string; type: string; message: string; data: Record<string, unknown> }[];
}

async function explain(incidentId: string, userId?: string): Promise<Explained[]> {
  const res = await world.api.admin('GET', `/api/v1/incidents/${incidentId}/explain${userId ? `?userId=${userId}` : ''}`);
  expect(res.status).toBe(200);
  return res.body.people;
}

const after = (base: Date, m: number) => new Date(base.getTime() + m * 60_000).toISOString();

describe('explain: people not paged', () => {
  it('an override replaced Alice, it was not Dave\'s shift, Carol was acknowledged before her turn, Lena was never named', async () => {
    const { alice, bob, carol, dave, lena } = world.people;
    const t0 = world.clock.now();
    const minutes = (m: number) => after(t0, m);
    // the weekly rotation has Alice this week; Bob's override 10:00-12:00 UTC covers the incident
    const scheduleId = await world.schedule([alice, dave]);
    const ov = await world.api.admin('POST', `/api/v1/schedules/${scheduleId}/overrides`, { userId: bob.id, start: t0.toISOString(), end: '2026-03-16T12:00:00Z' });
    expect(ov.status).toBe(201);
    const policyId = await world.policy([
      { delayMinutes: 10, targets: [{ type: 'schedule', id: scheduleId }] },
      { delayMinutes: 10, targets: [{ type: 'user', id: carol.id }] },
    ]);
    const incident = await world.trigger((await world.service({ policyId })).key);

    const [step] = await world.timeline(incident.id, ['escalation_step']);
    expect(step!.message).toContain(
      'paging Bob (on call in schedule "' + (await scheduleName(scheduleId)) + '": override 2026-03-16T10:00:00.000Z to 2026-03-16T12:00:00.000Z, replacing Alice on layer "Weekly")',
    );

    // acknowledged 3 minutes in: step 2 (Carol) never runs
    world.clock.advanceMinutes(3);
    expect((await world.api.admin('POST', `/api/v1/incidents/${incident.id}/acknowledge`)).status).toBe(200);
    await eventually('the escalation stopped', async () => (await world.timeline(incident.id, ['escalation_stopped']))[0]);

    const people = await explain(incident.id);
    const by = Object.fromEntries(people.map((p) => [p.name, p]));
    expect(people.map((p) => p.name)).toEqual(['Bob', 'Alice', 'Carol', 'Dave']);
    expect(by.Bob).toMatchObject({ userId: bob.id, paged: true });
    expect(by.Bob!.summary).toContain('replacing Alice on layer "Weekly"');

    expect(by.Alice).toMatchObject({ userId: alice.id, paged: false, reached: false, reasons: [{ code: 'override_replaced' }] });
    expect(by.Alice!.summary).toMatch(
      /^Alice was not paged: not on call in schedule ".+" at 2026-03-16T10:00:00.000Z: Bob's override \(2026-03-16T10:00:00.000Z to 2026-03-16T12:00:00.000Z\) replaced Alice on layer "Weekly" \(their shift 2026-03-16T08:00:00.000Z to 2026-03-23T08:00:00.000Z\)$/,
    );
    expect(by.Alice!.facts.map((f) => f.type)).toEqual(['escalation_step']);

    expect(by.Dave).toMatchObject({ paged: false, reasons: [{ code: 'not_their_shift' }] });
    expect(by.Dave!.summary).toContain('Bob was on call by an override (2026-03-16T10:00:00.000Z to 2026-03-16T12:00:00.000Z)');

    expect(by.Carol).toMatchObject({ paged: false, reasons: [{ code: 'stopped_before_turn' }] });
    expect(by.Carol!.summary).toBe(
      `Carol was not paged: step 2 (named in it) never ran: the escalation stopped at ${minutes(3)} (the incident is acknowledged; 1 pending page cancelled), before it was due at ${minutes(10)}`,
    );
    // ht: the same as data (issue 22), for readers that write it in their own zone
    expect(by.Carol!.reasons[0]!.params).toEqual({
      kind: 'step',
      step: 1,
      how: ['named in it'],
      dueAt: minutes(10),
      stoppedAt: minutes(3),
      stopDetail: 'the incident is acknowledged; 1 pending page cancelled',
      ending: null,
    });
    expect(by.Alice!.reasons[0]!.params).toMatchObject({
      kind: 'schedule_miss',
      person: 'Alice',
      layerName: 'Weekly',
      shiftStart: '2026-03-16T08:00:00.000Z',
      shiftEnd: '2026-03-23T08:00:00.000Z',
      winner: { kind: 'override', user: 'Bob', start: '2026-03-16T10:00:00.000Z', end: '2026-03-16T12:00:00.000Z' },
    });
    expect(by.Bob!.reasons[0]!.params).toMatchObject({ kind: 'event', type: 'escalation_step', data: { step: 0 } });
    expect(by.Bob!.facts[0]!.data).toMatchObject({ step: 0 });

    // someone the escalation never named, asked about by id
    const [l] = await explain(incident.id, lena.id);
    expect(l).toMatchObject({ name: 'Lena', paged: false, reasons: [{ code: 'not_in_escalation' }, { code: 'not_in_escalation' }] });
    expect(l!.summary).toBe(`Lena was not paged: no step of this incident's escalation paged them; the escalation stopped at ${minutes(3)} (the incident is acknowledged; 1 pending page cancelled)`);

    // a malformed id is a 400 naming the field; someone who does not exist, a 404
    const bad = await world.api.admin('GET', `/api/v1/incidents/${incident.id}/explain?userId=nope`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([{ path: 'userId', message: 'must be a UUID' }]);
    expect((await world.api.admin('GET', `/api/v1/incidents/${incident.id}/explain?userId=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('without an override: the person whose shift it was is paged, the other member is told whose shift it was; a later step not due yet says when it is', async () => {
    const t0 = world.clock.now();
    const minutes = (m: number) => after(t0, m);
    const { alice, carol, dave } = world.people;
    const scheduleId = await world.schedule([alice, dave]);
    const policyId = await world.policy([
      { delayMinutes: 10, targets: [{ type: 'schedule', id: scheduleId }] },
      { delayMinutes: 10, targets: [{ type: 'user', id: carol.id }] },
    ]);
    const incident = await world.trigger((await world.service({ policyId })).key);
    const by = Object.fromEntries((await explain(incident.id)).map((p) => [p.name, p]));
    expect(Object.keys(by)).toEqual(['Alice', 'Carol', 'Dave']);
    expect(by.Alice).toMatchObject({ paged: true });
    expect(by.Alice!.summary).toContain('on call in schedule');
    expect(by.Alice!.summary).toContain('layer "Weekly", shift 0 (2026-03-16T08:00:00.000Z to 2026-03-23T08:00:00.000Z)');
    expect(by.Dave!.summary).toMatch(new RegExp(`^Dave was not paged: not on call in schedule ".+" at ${t0.toISOString()}: it was Alice's shift \\(layer "Weekly", shift 0, `));
    expect(by.Carol!.summary).toBe(`Carol was not paged: step 2 (named in it) has not run yet: due at ${minutes(10)} unless acknowledged`);

    // once step 2 runs, Carol is paged
    world.clock.advanceMinutes(10);
    await world.runDue();
    const [carolNow] = await explain(incident.id, carol.id);
    expect(carolNow).toMatchObject({ paged: true, summary: expect.stringContaining('Step 2 of 2: paging Carol (named in the step)') });
  });
});

async function scheduleName(id: string): Promise<string> {
  return (await world.api.admin('GET', `/api/v1/schedules/${id}`)).body.name;
}
