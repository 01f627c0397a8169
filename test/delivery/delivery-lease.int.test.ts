// The lease of a claimed delivery, in-process on the test clock (real Postgres,
// Redis, api, delivery runtime, fake webhook): a job that finds another claim's
// live lease (a stalled job re-run while the worker that had it may still be
// sending, or was killed) does not complete: it comes back after the lease and,
// the lease expired, takes the delivery over itself and sends it. A queued
// delivery whose job BullMQ keeps as done gets a new job (a new due time). Worker
// processes killed mid-send: worker-killed-mid-send.int.test.ts.
import { deliveryJobId } from '@heinrich/jobs/queues';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryRuntime } from '../../apps/worker/src/start-delivery';
import type { EscalationWorld } from '../escalation/escalation-world';
import { eventually } from '../worker/eventually';
import { startDeliveryWorld, type DeliveryWorld } from './delivery-world';

let dw: DeliveryWorld | undefined;
let world: EscalationWorld;
let delivery: DeliveryRuntime;
let hook: DeliveryWorld['hook'];

beforeAll(async () => {
  dw = await startDeliveryWorld('test-delivery-lease', {
    // no dispatcher pass but the ones the pages' NOTIFY wakes: the job alone decides
    DELIVERY_SWEEP_INTERVAL_MS: '3600000',
    DELIVERY_LOST_AFTER_MS: '3600000',
  });
  ({ world, delivery, hook } = dw);
}, 60_000);

afterAll(() => dw?.close());

interface Row {
  id: string;
  status: string;
  attempts: number;
  dueAt: Date;
  history: { status: string; error?: string }[];
}

async function deliveryOf(incidentId: string): Promise<Row> {
  const r = await world.api.db.pool.query<Row>(
    `SELECT d.id, d.status::text AS status, d.attempts, d.due_at AS "dueAt", d.history
       FROM deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.incident_id = $1`,
    [incidentId],
  );
  expect(r.rows).toHaveLength(1);
  return r.rows[0]!;
}

describe('delivery lease', () => {
  it('a stalled job that finds a live lease does not complete: it comes back after the lease and takes the delivery over', async () => {
    const alice = world.people.alice;
    const m = await world.api.admin('POST', `/api/v1/users/${alice.id}/contact-methods`, { type: 'webhook', value: hook.url });
    expect(m.status).toBe(201);
    // 5 minutes after the page: the job sleeps (in real time) until the test runs it
    expect((await world.api.admin('POST', `/api/v1/users/${alice.id}/notification-rules`, { contactMethodId: m.body.id, delayMinutes: 5 })).status).toBe(201);
    const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: alice.id }] }]);
    const incident = await world.trigger((await world.service({ policyId })).key);
    const queue = delivery.queues.get('webhook')!;
    const planned = await eventually('the delivery planned', () => deliveryOf(incident.id).catch(() => undefined));
    const job = await eventually('its job added', () => queue.getJob(deliveryJobId(planned.id, planned.dueAt)));

    // a worker claimed it and is sending (or died doing so): its lease runs 60 s more
    world.clock.advanceMinutes(5);
    await world.api.db.pool.query(`UPDATE deliveries SET status = 'sending', attempts = 1, lease_until = $2 WHERE id = $1`, [planned.id, new Date(world.clock.now().getTime() + 60_000)]);

    // the job runs again (BullMQ's stalled check after a kill -9 re-runs it like this)
    await job.promote();
    await eventually('the job sleeping until the lease ends', async () => (await queue.getJobState(job.id!)) === 'delayed');
    await new Promise((r) => setTimeout(r, 500));
    expect(await queue.getJobState(job.id!)).toBe('delayed');
    expect(hook.calls).toHaveLength(0);
    expect(await deliveryOf(incident.id)).toMatchObject({ status: 'sending', attempts: 1 });

    // the lease has expired (nobody recorded an outcome): the job, back, takes it over and sends it
    world.clock.advanceMinutes(2);
    await job.promote();
    const sent = await eventually('the delivery sent', async () => {
      const d = await deliveryOf(incident.id);
      return d.status === 'sent' ? d : undefined;
    });
    expect(sent.attempts).toBe(2);
    expect(sent.history.at(-2)).toMatchObject({ status: 'sending', error: 'lease expired: taken over from the worker sending it' });
    expect(hook.calls).toHaveLength(1);
    expect(hook.calls[0]!.headers['idempotency-key']).toBe(planned.id);
    await eventually('the job completed', async () => (await queue.getJobState(job.id!)) === 'completed');
  });

  it('a queued delivery whose job is done already (BullMQ keeps its id) gets a new due time and a new job, and goes out', async () => {
    const bob = world.people.bob;
    const m = await world.api.admin('POST', `/api/v1/users/${bob.id}/contact-methods`, { type: 'webhook', value: hook.url });
    expect(m.status).toBe(201);
    expect((await world.api.admin('POST', `/api/v1/users/${bob.id}/notification-rules`, { contactMethodId: m.body.id, delayMinutes: 5 })).status).toBe(201);
    const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: bob.id }] }]);
    const incident = await world.trigger((await world.service({ policyId })).key);
    const queue = delivery.queues.get('webhook')!;
    const planned = await eventually('the delivery planned', () => deliveryOf(incident.id).catch(() => undefined));
    const job = await eventually('its job added', () => queue.getJob(deliveryJobId(planned.id, planned.dueAt)));

    // its job ends while the delivery stays queued (here: run while the row briefly looked cancelled)
    await world.api.db.pool.query(`UPDATE deliveries SET status = 'cancelled' WHERE id = $1`, [planned.id]);
    await job.promote();
    await eventually('the job completed', async () => (await queue.getJobState(job.id!)) === 'completed');
    await world.api.db.pool.query(`UPDATE deliveries SET status = 'queued' WHERE id = $1`, [planned.id]);
    const before = hook.calls.length;

    // overdue by more than DELIVERY_LOST_AFTER_MS (1 h here): the pass finds its job done, not a no-op add
    world.clock.advanceMinutes(70);
    await delivery.kick();
    const sent = await eventually('the delivery sent', async () => {
      const d = await deliveryOf(incident.id);
      return d.status === 'sent' ? d : undefined;
    });
    expect(sent.dueAt.getTime()).toBeGreaterThan(planned.dueAt.getTime());
    expect(hook.calls.slice(before).map((c) => c.headers['idempotency-key'])).toEqual([planned.id]);
  });
});
