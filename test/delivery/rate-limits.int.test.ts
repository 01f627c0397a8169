// Per-provider rate limits (DELIVERY_RATE_LIMITS): the log provider limited to
// one send per second does not hold up the webhook provider. Observed through
// what a user would notice: the webhook calls all arrive while most log pages
// still wait their turn, and every log page still goes out.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type EscalationWorld } from '../escalation/escalation-world';
import { eventually } from '../worker/eventually';
import { startDeliveryWorld, type DeliveryWorld } from './delivery-world';

let world: EscalationWorld;
let hook: DeliveryWorld['hook'];
let dw: DeliveryWorld | undefined;

beforeAll(async () => {
  dw = await startDeliveryWorld('test-rate-limits', {
    DELIVERY_RATE_LIMITS: 'log=1',
    DELIVERY_RATE_PER_SECOND: '100',
  });
  ({ world, hook } = dw);
}, 60_000);

afterAll(() => dw?.close());

async function sentLogs(): Promise<number> {
  const r = await world.api.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM deliveries WHERE channel = 'log' AND status = 'sent'`);
  return r.rows[0]!.n;
}

it('log limited to 1/s: six incidents reach the webhook at once while the log pages go out one a second', async () => {
  const bob = world.people.bob;
  for (const [type, value] of [['log', 'bob-log'], ['webhook', hook.url]] as const) {
    const m = await world.api.admin('POST', `/api/v1/users/${bob.id}/contact-methods`, { type, value });
    expect((await world.api.admin('POST', `/api/v1/users/${bob.id}/notification-rules`, { contactMethodId: m.body.id, delayMinutes: 0 })).status).toBe(201);
  }
  const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: bob.id }] }]);
  // storm mode off: six incidents at once test the rate limits, not storms (test/noise/storm-mode.int.test.ts)
  const { key } = await world.service({ policyId, noise: { storm: { enabled: false } } });
  const sent = await Promise.all(
    [0, 1, 2, 3, 4, 5].map((i) =>
      world.api.post('/api/v1/integrations/events', { routing_key: key, event_action: 'trigger', dedup_key: `rate-${i}`, payload: { summary: `Disk full ${i}`, source: 'db', severity: 'critical' } }),
    ),
  );
  expect(sent.map((r) => r.status)).toEqual([202, 202, 202, 202, 202, 202]);

  await eventually('six webhook calls', async () => hook.calls.length >= 6, { timeoutMs: 20_000 });
  // six log sends at one a second take five seconds or more: most are still waiting
  expect(await sentLogs()).toBeLessThanOrEqual(3);
  await eventually('every log page sent', async () => (await sentLogs()) === 6, { timeoutMs: 30_000 });
  expect(hook.calls).toHaveLength(6);
}, 60_000);
