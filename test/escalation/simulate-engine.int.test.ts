// Simulate against the engine (issue #7: "simulate matches what the engine
// actually does for the same policy and instant, run both"): a policy with a
// schedule whose override ends mid-run, a named user and a repeat; simulate at
// the instant, then the real engine from the same instant with the test clock,
// and the real delivery planner; who, when, why and how must be the same.
import { planPendingPages } from '@heinrich/usecases/delivery/plan-pending-pages';
import { withTransaction } from '@heinrich/db/with-transaction';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEscalationWorld, type EscalationWorld, type Person } from './escalation-world';

let world: EscalationWorld;

beforeAll(async () => {
  world = await startEscalationWorld();
}, 60_000);

afterAll(async () => {
  await world?.close();
});

async function method(p: Person, type: string, value: string): Promise<string> {
  const res = await world.api.admin('POST', `/api/v1/users/${p.id}/contact-methods`, { type, value });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

async function rule(p: Person, contactMethodId: string, delayMinutes: number): Promise<void> {
  const res = await world.api.admin('POST', `/api/v1/users/${p.id}/notification-rules`, { contactMethodId, delayMinutes });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

interface SimulatedPage {
  at: string;
  cycle: number;
  step: number;
  userId: string;
  reasons: unknown;
  sends: { channel: string; at: string }[];
  notUsed: string[];
}

describe('simulate and the engine, same policy, same instant', () => {
  it('the same people at the same instants for the same reasons, with the same sends', async () => {
    const { alice, bob, carol, dave } = world.people;
    const t0 = world.clock.now();
    const at = (m: number) => new Date(t0.getTime() + m * 60_000).toISOString();
    // Alice's week; Carol's override covers the first 15 minutes only
    const scheduleId = await world.schedule([alice, dave]);
    expect((await world.api.admin('POST', `/api/v1/schedules/${scheduleId}/overrides`, { userId: carol.id, start: at(0), end: at(15) })).status).toBe(201);
    const policyId = await world.policy(
      [
        { delayMinutes: 10, targets: [{ type: 'schedule', id: scheduleId }] },
        { delayMinutes: 10, targets: [{ type: 'user', id: bob.id }] },
      ],
      1,
    );
    await rule(alice, await method(alice, 'log', 'alice-log'), 0);
    await rule(bob, await method(bob, 'webhook', 'http://127.0.0.1:9/hook'), 0);
    await rule(bob, await method(bob, 'log', 'bob-log'), 3);
    await rule(carol, await method(carol, 'log', 'carol-log'), 0);
    await rule(carol, await method(carol, 'sms', '+14155552671'), 1); // unverified: not used

    const sim = await world.api.admin('POST', `/api/v1/escalation-policies/${policyId}/simulate`, { at: t0.toISOString(), severity: 'critical' });
    expect(sim.status).toBe(200);
    const simulated = sim.body.pages as SimulatedPage[];
    // the plan itself: the override pages Carol in pass 1, Alice (her shift) in pass 2
    expect(simulated.map((p) => [p.at, p.cycle, p.step, p.userId])).toEqual([
      [at(0), 0, 0, carol.id],
      [at(10), 0, 1, bob.id],
      [at(20), 1, 0, alice.id],
      [at(30), 1, 1, bob.id],
    ]);
    expect(simulated[0]!.notUsed).toEqual(['SMS unverified']);

    // the engine, from the same instant: step 1 now, each next step when the clock reaches it
    const incident = await world.trigger((await world.service({ policyId })).key);
    for (let i = 0; i < 3; i++) {
      world.clock.advanceMinutes(10);
      await world.runDue();
    }
    expect((await world.escalation(incident.id))?.status).toBe('exhausted');
    // the real delivery planner on the engine's pages
    await withTransaction(world.api.db.pool, (client) => planPendingPages(client, world.clock.now()));

    const pages = await world.api.db.pool.query<{ id: string; createdAt: Date; cycle: number; step: number; userId: string; reason: unknown }>(
      `SELECT id, created_at AS "createdAt", cycle, step, user_id AS "userId", reason FROM notifications WHERE incident_id = $1 ORDER BY cycle, step, user_id`,
      [incident.id],
    );
    const sends = await world.api.db.pool.query<{ notificationId: string; channel: string; dueAt: Date }>(
      `SELECT d.notification_id AS "notificationId", d.channel, d.due_at AS "dueAt" FROM deliveries d JOIN notifications n ON n.id = d.notification_id
        WHERE n.incident_id = $1 ORDER BY d.due_at, d.channel`,
      [incident.id],
    );
    const engine = pages.rows.map((p) => ({
      at: p.createdAt.toISOString(),
      cycle: p.cycle,
      step: p.step,
      userId: p.userId,
      reasons: p.reason,
      sends: sends.rows.filter((s) => s.notificationId === p.id).map((s) => ({ channel: s.channel, at: s.dueAt.toISOString() })),
    }));
    expect(engine).toEqual(
      simulated.map((p) => ({
        at: p.at,
        cycle: p.cycle,
        step: p.step,
        userId: p.userId,
        reasons: p.reasons,
        sends: [...p.sends].map((s) => ({ channel: s.channel, at: s.at })).sort((a, b) => a.at.localeCompare(b.at) || a.channel.localeCompare(b.channel)),
      })),
    );
    // and the "why": the override, then Alice's layer shift
    expect(engine[0]!.reasons).toEqual([expect.objectContaining({ kind: 'schedule', because: expect.objectContaining({ kind: 'override', userId: carol.id }), replaces: { userId: alice.id, layerName: 'Weekly' } })]);
    expect(engine[2]!.reasons).toEqual([expect.objectContaining({ kind: 'schedule', because: expect.objectContaining({ kind: 'layer', userId: alice.id }) })]);
    expect(engine[1]!.sends).toEqual([{ channel: 'webhook', at: at(10) }, { channel: 'log', at: at(13) }]);
    expect(sim.body.warnings).toEqual([]);
  }, 30_000);
});
