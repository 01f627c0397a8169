// The escalation engine's scenarios (issue 6), with the real Postgres and
// Redis, the real api and worker, and a clock the test moves: step 1 pages the
// on-call person, the next step follows after its delay, an acknowledgement
// stops everything, repeat passes, empty steps are skipped at once, low
// urgency stays on step 1, an acknowledgement times out and re-triggers.
import { escalationJobId } from '@heinrich/core/escalation/escalation-job-id';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../worker/eventually';
import { sample } from '../worker/start-test-worker';
import { startEscalationWorld, type EscalationWorld } from './escalation-world';

let w: EscalationWorld;
beforeAll(async () => {
  w = await startEscalationWorld();
});
afterAll(async () => {
  await w?.close();
});

const pagesOf = async (incidentId: string) => (await w.pages(incidentId)).map((p) => `c${p.cycle}s${p.step}:${p.userId}`);

describe('escalation scenarios', () => {
  it('step 1 pages whoever the schedule has on call, says why, and step 2 follows after its delay', async () => {
    const { alice, bob, dave } = w.people;
    const schedule = await w.schedule([alice, bob]);
    const policy = await w.policy([
      { delayMinutes: 5, targets: [{ type: 'schedule', id: schedule }] },
      { delayMinutes: 10, targets: [{ type: 'user', id: dave.id }] },
    ]);
    const { key } = await w.service({ policyId: policy });
    const incident = await w.trigger(key);

    expect(await pagesOf(incident.id)).toEqual([`c0s0:${alice.id}`]);
    const [started, step1] = await w.timeline(incident.id, ['escalation_started', 'escalation_step']);
    expect(started!.message).toMatch(/^Escalation started with policy "policy-\w+" \(2 steps, repeat 0\): high urgency, service urgency is high$/);
    expect(step1!.message).toBe(
      'Step 1 of 2: paging Alice (on call in schedule "' +
        (await w.api.db.prisma.schedule.findUniqueOrThrow({ where: { id: schedule } })).name +
        '": layer "Weekly", shift 0 (2026-03-16T08:00:00.000Z to 2026-03-23T08:00:00.000Z)); step 2 of 2 follows at 2026-03-16T10:05:00.000Z unless acknowledged',
    );
    const job = await w.escalationQueue.getJob(escalationJobId({ incidentId: incident.id, cycle: 0, step: 1, generation: 0 }));
    expect(await job?.getState()).toBe('delayed');

    // not yet due: nothing happens
    w.clock.advanceMinutes(4);
    await w.runDue();
    expect(await pagesOf(incident.id)).toEqual([`c0s0:${alice.id}`]);

    w.clock.advanceMinutes(1);
    const due = await w.runDue();
    expect(due).toMatchObject({ ran: 1 });
    expect(await pagesOf(incident.id)).toEqual([`c0s0:${alice.id}`, `c0s1:${dave.id}`]);
    expect(await w.escalation(incident.id)).toMatchObject({ status: 'exhausted', nextDueAt: null });
    // the due-work pass ran it: its job, when it wakes, finds nothing to claim
    w.clock.advanceMinutes(60);
    expect(await w.runDue()).toMatchObject({ found: 0 });
    expect(await w.pages(incident.id)).toHaveLength(2);
  });

  it('acknowledging stops everything: no later page of any kind, pending pages cancelled, the job removed', async () => {
    const { alice, bob } = w.people;
    const policy = await w.policy(
      [
        { delayMinutes: 5, targets: [{ type: 'user', id: alice.id }] },
        { delayMinutes: 5, targets: [{ type: 'user', id: bob.id }] },
      ],
      3,
    );
    const { key } = await w.service({ policyId: policy });
    const incident = await w.trigger(key);
    const ack = await w.api.admin('POST', `/api/v1/incidents/${incident.number}/acknowledge`);
    expect(ack.status).toBe(200);
    await eventually('the escalation to stop', async () => (await w.escalation(incident.id))?.status === 'stopped');
    expect(await w.escalation(incident.id)).toMatchObject({ status: 'stopped', generation: 1, nextDueAt: null });
    expect(await w.pages(incident.id)).toEqual([expect.objectContaining({ userId: alice.id, status: 'cancelled' })]);
    expect(await w.escalationQueue.getJob(escalationJobId({ incidentId: incident.id, cycle: 0, step: 1, generation: 0 }))).toBeUndefined();
    expect((await w.timeline(incident.id, ['escalation_stopped']))[0]!.message).toBe('Escalation stopped: the incident is acknowledged; 1 pending page cancelled');

    // hours later, every pass long due: nothing
    w.clock.advanceMinutes(180);
    expect(await w.runDue()).toMatchObject({ found: 0 });
    expect(await w.pages(incident.id)).toHaveLength(1);
  });

  it('an acknowledgement racing the step: the step sees it and pages nobody', async () => {
    const { alice, bob } = w.people;
    const policy = await w.policy([
      { delayMinutes: 5, targets: [{ type: 'user', id: alice.id }] },
      { delayMinutes: 5, targets: [{ type: 'user', id: bob.id }] },
    ]);
    const { key } = await w.service({ policyId: policy });
    const incident = await w.trigger(key);
    // acknowledged in the database, before the worker has heard of it
    await w.api.db.pool.query(`UPDATE incidents SET status = 'acknowledged' WHERE id = $1`, [incident.id]);
    w.clock.advanceMinutes(10);
    await w.runDue();
    expect(await pagesOf(incident.id)).toEqual([`c0s0:${alice.id}`]);
  });

  it('repeat: the steps run repeat + 1 times, then the escalation is exhausted', async () => {
    const { alice, bob } = w.people;
    const policy = await w.policy(
      [
        { delayMinutes: 5, targets: [{ type: 'user', id: alice.id }] },
        { delayMinutes: 7, targets: [{ type: 'user', id: bob.id }] },
      ],
      1,
    );
    const { key } = await w.service({ policyId: policy });
    const incident = await w.trigger(key);
    for (const minutes of [5, 7, 5]) {
      w.clock.advanceMinutes(minutes);
      await w.runDue();
    }
    expect(await pagesOf(incident.id)).toEqual([`c0s0:${alice.id}`, `c0s1:${bob.id}`, `c1s0:${alice.id}`, `c1s1:${bob.id}`]);
    expect(await w.escalation(incident.id)).toMatchObject({ status: 'exhausted' });
    const messages = (await w.timeline(incident.id, ['escalation_step', 'escalation_exhausted'])).map((e) => e.message);
    expect(messages[2]).toMatch(/^Step 1 of 2 \(pass 2 of 2\): paging Alice/);
    expect(messages.at(-1)).toBe('Escalation exhausted: the last step of the last of 2 passes has run; nobody more is paged unless someone escalates by hand');
    w.clock.advanceMinutes(60);
    await w.runDue();
    expect(await w.pages(incident.id)).toHaveLength(4);
  });

  it('a step with nobody on call is skipped at once, with the reason', async () => {
    const { carol, dave } = w.people;
    const nights = await w.schedule([carol], { nightsOnly: true });
    const policy = await w.policy([
      { delayMinutes: 30, targets: [{ type: 'schedule', id: nights }] },
      { delayMinutes: 5, targets: [{ type: 'user', id: dave.id }] },
    ]);
    const { key } = await w.service({ policyId: policy });
    const incident = await w.trigger(key);
    // no waiting for step 1's 30 minutes
    expect(await pagesOf(incident.id)).toEqual([`c0s1:${dave.id}`]);
    const [skipped] = await w.timeline(incident.id, ['escalation_step_skipped']);
    expect(skipped!.message).toMatch(/^Step 1 of 2 skipped at once: nobody to page \(schedule ".+": nobody on call \(layer "Nights" outside its restrictions\)\)$/);
  });

  it('every step empty: the team leads are paged instead', async () => {
    const { carol, lena } = w.people;
    const nights = await w.schedule([carol], { nightsOnly: true });
    const policy = await w.policy([{ delayMinutes: 5, targets: [{ type: 'schedule', id: nights }] }]);
    const { key } = await w.service({ policyId: policy });
    const incident = await w.trigger(key);
    expect(await pagesOf(incident.id)).toEqual([`c0s0:${lena.id}`]);
    const [fallback] = await w.timeline(incident.id, ['escalation_fallback']);
    expect(fallback!.message).toBe(`Every step resolved to nobody: paging the leads of team "${w.team.name}": Lena`);
  });

  it('low urgency pages step 1 only, never by voice, never past it', async () => {
    const { alice, bob } = w.people;
    const policy = await w.policy(
      [
        { delayMinutes: 5, targets: [{ type: 'user', id: alice.id }] },
        { delayMinutes: 5, targets: [{ type: 'user', id: bob.id }] },
      ],
      2,
    );
    const { key } = await w.service({ policyId: policy, urgency: 'bySeverity' });
    const incident = await w.trigger(key, 'warning');
    expect(await w.pages(incident.id)).toEqual([expect.objectContaining({ userId: alice.id, step: 0, allowVoice: false })]);
    expect((await w.timeline(incident.id, ['escalation_started']))[0]!.message).toContain('low urgency, service urgency is by severity and every alert is low (warning)');
    expect(await w.escalation(incident.id)).toMatchObject({ status: 'exhausted', nextDueAt: null });
    w.clock.advanceMinutes(60);
    await w.runDue();
    expect(await w.pages(incident.id)).toHaveLength(1);

    // the same service, a critical alert: high urgency, voice allowed, step 2 follows
    const high = await w.trigger(key, 'critical');
    expect(await w.pages(high.id)).toEqual([expect.objectContaining({ userId: alice.id, allowVoice: true })]);
  });

  it('an acknowledgement that times out triggers the incident again and escalates from step 1', async () => {
    const { alice, bob } = w.people;
    const policy = await w.policy([
      { delayMinutes: 5, targets: [{ type: 'user', id: alice.id }] },
      { delayMinutes: 5, targets: [{ type: 'user', id: bob.id }] },
    ]);
    const { key } = await w.service({ policyId: policy, ackTimeoutMinutes: 30 });
    const incident = await w.trigger(key);
    await w.api.admin('POST', `/api/v1/incidents/${incident.number}/acknowledge`);
    await eventually('the escalation to wait for the ack timeout', async () => (await w.escalation(incident.id))?.status === 'acknowledged');
    const [stopped] = await w.timeline(incident.id, ['escalation_stopped']);
    expect(stopped!.message).toContain('it triggers again at 2026-03-16T');

    w.clock.advanceMinutes(29);
    await w.runDue();
    expect((await w.api.admin('GET', `/api/v1/incidents/${incident.number}`)).body.status).toBe('acknowledged');

    w.clock.advanceMinutes(1);
    expect(await w.runDue()).toMatchObject({ ran: 1 });
    expect((await w.api.admin('GET', `/api/v1/incidents/${incident.number}`)).body.status).toBe('triggered');
    expect(await pagesOf(incident.id)).toEqual([`c0s0:${alice.id}`, `c1s0:${alice.id}`]);
    expect((await w.timeline(incident.id, ['retriggered']))[0]!.message).toBe(
      'Acknowledgement timed out after 30 minutes without a resolution: triggered again, escalating from step 1',
    );
    w.clock.advanceMinutes(5);
    await w.runDue();
    expect(await pagesOf(incident.id)).toEqual([`c0s0:${alice.id}`, `c1s0:${alice.id}`, `c1s1:${bob.id}`]);
    // resolving stops it for good
    await w.api.admin('POST', `/api/v1/incidents/${incident.number}/resolve`);
    await eventually('the escalation to stop', async () => (await w.escalation(incident.id))?.status === 'stopped');
  });

  it('a service without a policy: nobody paged, said on the timeline, counted', async () => {
    const { key } = await w.service({ policyId: null });
    const incident = await w.trigger(key);
    expect(await w.pages(incident.id)).toEqual([]);
    const [note] = await w.timeline(incident.id, ['escalation_not_started']);
    expect(note!.message).toMatch(/^Nobody paged: service "svc-\w+" has no escalation policy$/);
    expect(sample(await w.worker!.metricsText(), 'heinrich_escalation_unrouted_total')).toBeGreaterThanOrEqual(1);
  });

  it('escalate now: the next step at once, or the step named; 400 and 409 when it cannot', async () => {
    const { alice, bob, carol } = w.people;
    const policy = await w.policy([
      { delayMinutes: 30, targets: [{ type: 'user', id: alice.id }] },
      { delayMinutes: 30, targets: [{ type: 'user', id: bob.id }] },
      { delayMinutes: 30, targets: [{ type: 'user', id: carol.id }] },
    ]);
    const { key } = await w.service({ policyId: policy });
    const incident = await w.trigger(key);

    const res = await w.api.admin('POST', `/api/v1/incidents/${incident.number}/escalate`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    await eventually('step 2 to be paged', async () => (await w.pages(incident.id)).length === 2);
    expect(await w.escalation(incident.id)).toMatchObject({ status: 'active', cycle: 0, step: 2, generation: 1 });

    // back to step 1: a new cycle, so Alice is paged again
    expect((await w.api.admin('POST', `/api/v1/incidents/${incident.number}/escalate`, { toStep: 1 })).status).toBe(202);
    await eventually('step 1 again', async () => (await w.pages(incident.id)).length === 3);
    expect(await pagesOf(incident.id)).toEqual([`c0s0:${alice.id}`, `c0s1:${bob.id}`, `c1s0:${alice.id}`]);

    const bad = await w.api.admin('POST', `/api/v1/incidents/${incident.number}/escalate`, { toStep: 4 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([{ path: 'toStep', message: 'must be a step of the policy, 1 to 3' }]);

    await w.api.admin('POST', `/api/v1/incidents/${incident.number}/acknowledge`);
    const acked = await w.api.admin('POST', `/api/v1/incidents/${incident.number}/escalate`, {});
    expect(acked.status).toBe(409);
    expect(acked.body.error.message).toBe(`Cannot escalate incident #${incident.number}: it is acknowledged`);
  });
});
