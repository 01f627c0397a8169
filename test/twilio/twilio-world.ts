// The world of the Twilio tests: api and worker against real Postgres and
// Redis, delivery started with buildSenders from a config carrying Twilio
// credentials, and the fake Twilio the real twilio client talks to.
import { loadWorkerConfig } from '@heinrich/config/load-config';
import { createLogger } from '@heinrich/config/logger';
import { buildSenders } from '@heinrich/providers/build-senders';
import { expect } from 'vitest';
import { startDelivery, type DeliveryRuntime } from '../../apps/worker/src/start-delivery';
import { startEscalationWorld, type EscalationWorld, type Person } from '../escalation/escalation-world';
import { eventually } from '../worker/eventually';
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, FAKE_FROM, startFakeTwilio, type FakeTwilio } from './fake-twilio';

export const PUBLIC_URL = 'https://heinrich.example.com';
export const SMS_WEBHOOK = `${PUBLIC_URL}/api/v1/twilio/sms`;

export interface TwilioWorld {
  world: EscalationWorld;
  twilio: FakeTwilio;
  delivery: DeliveryRuntime;
  /** an sms/voice method created through the API and verified with the code the fake received */
  phone(p: Person, type: 'sms' | 'voice', number: string): Promise<string>;
  method(p: Person, type: string, value: string): Promise<string>;
  rule(p: Person, contactMethodId: string, delayMinutes: number): Promise<void>;
  /** a service whose policy pages `p` at step 1; an incident of it, triggered */
  page(p: Person): Promise<{ id: string; number: number }>;
  deliveries(incidentId: string): Promise<{ id: string; channel: string; status: string; attempts: number; error: string | null; providerId: string | null }[]>;
  incidentStatus(incidentId: string): Promise<string>;
  close(): Promise<void>;
}

/** `extraEnv`: more settings of the api and the worker (e.g. WEBHOOK_ALLOW_PRIVATE for a fake webhook receiver on loopback). */
export async function startTwilioWorld(extraEnv: Record<string, string> = {}): Promise<TwilioWorld> {
  const twilio = await startFakeTwilio();
  const env = {
    PUBLIC_URL,
    TWILIO_ACCOUNT_SID: FAKE_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: FAKE_AUTH_TOKEN,
    TWILIO_FROM_NUMBER: FAKE_FROM,
    TWILIO_API_BASE_URL: twilio.url,
    ...extraEnv,
  };
  const world = await startEscalationWorld({ apiEnv: env });
  twilio.heinrichUrl = world.api.baseUrl;
  const config = loadWorkerConfig({
    DATABASE_URL: world.api.databaseUrl,
    REDIS_URL: world.api.redisUrl,
    REDIS_PREFIX: world.api.redisPrefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DELIVERY_BACKOFF_MS: '100',
    DELIVERY_ATTEMPTS: '3',
    DELIVERY_SWEEP_INTERVAL_MS: '200',
    DELIVERY_LOST_AFTER_MS: '0',
    ...env,
  });
  const logger = createLogger({ name: 'test-twilio', level: config.logLevel });
  const senders = buildSenders(config, logger, world.clock.now);
  expect([...senders.keys()]).toEqual(expect.arrayContaining(['sms', 'voice']));
  const delivery = await startDelivery({ config, logger, db: world.api.db, senders, now: world.clock.now });

  const api = world.api;
  const method = async (p: Person, type: string, value: string) => {
    const res = await api.admin('POST', `/api/v1/users/${p.id}/contact-methods`, { type, value });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  return {
    world,
    twilio,
    delivery,
    method,
    async phone(p, type, number) {
      const id = await method(p, type, number);
      const code = await eventually('the verification code', async () => {
        const sent = type === 'sms' ? twilio.messages.find((m) => m.to === number)?.body : twilio.calls.find((c) => c.to === number)?.twiml;
        return /(\d)[, ]*(\d)[, ]*(\d)[, ]*(\d)[, ]*(\d)[, ]*(\d)/.exec(sent ?? '')?.slice(1).join('');
      });
      const res = await api.admin('POST', `/api/v1/users/${p.id}/contact-methods/${id}/verify`, { code });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.verified).toBe(true);
      return id;
    },
    async rule(p, contactMethodId, delayMinutes) {
      const res = await api.admin('POST', `/api/v1/users/${p.id}/notification-rules`, { contactMethodId, delayMinutes });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    },
    async page(p) {
      const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: p.id }] }]);
      return world.trigger((await world.service({ policyId })).key);
    },
    async deliveries(incidentId) {
      const r = await api.db.pool.query(
        `SELECT d.id, d.channel, d.status::text AS status, d.attempts, d.error, d.provider_id AS "providerId"
           FROM deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.incident_id = $1 ORDER BY d.created_at, d.channel`,
        [incidentId],
      );
      return r.rows;
    },
    async incidentStatus(incidentId) {
      const r = await api.db.pool.query<{ status: string }>(`SELECT status::text AS status FROM incidents WHERE id = $1`, [incidentId]);
      return r.rows[0]!.status;
    },
    async close() {
      await delivery.close();
      for (const q of delivery.queues.values()) await q.obliterate({ force: true }).catch(() => {});
      await twilio.close();
      await world.close();
    },
  };
}
