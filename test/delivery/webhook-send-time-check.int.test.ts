// The send-time check of a webhook's address (docs/configuration.md
// WEBHOOK_ALLOW_PRIVATE): a webhook created while internal addresses were
// allowed (the api's PUBLIC_URL on loopback) is refused when the worker sends it
// with the rule active (public PUBLIC_URL, no WEBHOOK_ALLOW_PRIVATE): nothing
// reaches the receiver, the failure is permanent with a redacted reason and the
// next method goes at once. And a host name that resolves to a refused address
// when the request is made (DNS rebinding) is refused by the connection's own
// lookup, with the same resolution used to connect. Real api, worker,
// delivery, Postgres, Redis, and a fake receiver on loopback.
import { guardedWebhookFetch } from '@heinrich/providers/guarded-fetch';
import { PermanentDeliveryError } from '@heinrich/providers/delivery-sender';
import { webhookSender } from '@heinrich/providers/webhook-sender';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EscalationWorld } from '../escalation/escalation-world';
import { eventually } from '../worker/eventually';
import { startDeliveryWorld, type DeliveryWorld } from './delivery-world';
import { startFakeWebhook } from './fake-webhook';

let dw: DeliveryWorld | undefined;
let world: EscalationWorld;

beforeAll(async () => {
  dw = await startDeliveryWorld('test-webhook-send-time', {
    DELIVERY_BACKOFF_MS: '100',
    DELIVERY_SWEEP_INTERVAL_MS: '200',
    PUBLIC_URL: 'https://heinrich.example.com',
    WEBHOOK_ALLOW_PRIVATE: 'false',
  });
  world = dw.world;
}, 60_000);

afterAll(() => dw?.close());

describe('the worker checks where a webhook goes when it sends it', () => {
  it.each([
    ['a loopback address', (url: string) => url],
    ['localhost', (url: string) => url.replace('127.0.0.1', 'localhost')],
  ])('a webhook to %s made while allowed is refused when sent: nothing arrives, the log goes at once', async (_, spell) => {
    const dave = world.people.dave;
    await world.api.db.prisma.notificationRule.deleteMany({ where: { userId: dave.id } });
    const url = `${spell(dw!.hook.url)}/secret-path?token=s3cr3t`;
    const webhook = await world.api.admin('POST', `/api/v1/users/${dave.id}/contact-methods`, { type: 'webhook', value: url });
    expect(webhook.status, JSON.stringify(webhook.body)).toBe(201);
    const log = await world.api.admin('POST', `/api/v1/users/${dave.id}/contact-methods`, { type: 'log', value: 'dave-log' });
    await world.api.admin('POST', `/api/v1/users/${dave.id}/notification-rules`, { contactMethodId: webhook.body.id, delayMinutes: 0 });
    await world.api.admin('POST', `/api/v1/users/${dave.id}/notification-rules`, { contactMethodId: log.body.id, delayMinutes: 5 });
    const before = dw!.hook.calls.length;
    const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: dave.id }] }]);
    const incident = await world.trigger((await world.service({ policyId })).key);

    const failed = await eventually('the webhook refused and the log sent', async () => {
      const events = await world.timeline(incident.id, ['notification_failed', 'notified']);
      return events.length === 2 ? events : undefined;
    }, { timeoutMs: 20_000 });
    expect(dw!.hook.calls.length).toBe(before);
    expect(failed[0]!.message).toMatch(/^webhook to Dave failed \(permanent failure: webhook to (127\.0\.0\.1|localhost):\d+: refused: it points at a loopback address .*WEBHOOK_ALLOW_PRIVATE=true\); trying log now/);
    expect(failed[0]!.message).not.toContain('s3cr3t');
    expect(failed[1]!.message).toBe('Paged Dave via log');
    const rows = await world.api.db.pool.query(
      `SELECT d.status::text AS status, d.attempts FROM deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.incident_id = $1 AND d.channel = 'webhook'`,
      [incident.id],
    );
    expect(rows.rows).toEqual([{ status: 'failed', attempts: 1 }]);
  }, 30_000);
});

describe('a host name resolved when the request is made (DNS rebinding)', () => {
  it('is refused when it resolves to a refused address, and sent when the rule allows it', async () => {
    const hook = await startFakeWebhook();
    try {
      const { port } = new URL(hook.url);
      // the name a rebinding attacker controls: public when the method was made, 127.0.0.1 now
      const rebinding = (_host: string, _o: unknown, cb: (err: null, found: { address: string; family: number }[]) => void) => cb(null, [{ address: '127.0.0.1', family: 4 }]);
      const message = {
        deliveryId: 'd-1',
        target: `http://hooks.rebind.test:${port}/hook/secret?token=s3cr3t`,
        signingSecret: null,
        incident: { id: 'i-1', number: 1, title: 'Disk full', status: 'triggered', urgency: 'high', url: 'https://heinrich.example.com/incidents/1' },
        service: { id: 's-1', name: 'db' },
        user: { id: 'u-1', name: 'Dave' },
        cycle: 0,
        step: 0,
      };
      const strict = webhookSender({ timeoutMs: 2_000, now: () => new Date(), fetch: guardedWebhookFetch({ allowPrivate: false, lookup: rebinding }) });
      const refused = await strict.send(message).catch((err: unknown) => err);
      expect(refused).toBeInstanceOf(PermanentDeliveryError);
      expect((refused as Error).message).toBe(
        `webhook to hooks.rebind.test:${port}: refused: hooks.rebind.test resolves to 127.0.0.1, a loopback address (127.0.0.0/8); webhooks to internal addresses need WEBHOOK_ALLOW_PRIVATE=true`,
      );
      expect(hook.calls).toHaveLength(0);

      // metadata behind a name: refused even where internal addresses are allowed
      const toMetadata = (_h: string, _o: unknown, cb: (err: null, found: { address: string; family: number }[]) => void) => cb(null, [{ address: '169.254.169.254', family: 4 }]);
      const allowing = webhookSender({ timeoutMs: 2_000, now: () => new Date(), fetch: guardedWebhookFetch({ allowPrivate: true, lookup: toMetadata }) });
      expect(await allowing.send(message).catch((err: unknown) => (err as Error).message)).toContain('which webhooks may never reach');

      const loose = webhookSender({ timeoutMs: 2_000, now: () => new Date(), fetch: guardedWebhookFetch({ allowPrivate: true, lookup: rebinding }) });
      await loose.send(message);
      expect(hook.calls).toHaveLength(1);
    } finally {
      await hook.close();
    }
  });
});
