// The delivery tests' world: the escalation world (real api, Postgres, Redis,
// worker, test clock), the worker's delivery runtime built as main.ts builds it
// (buildSenders), and a fake webhook receiver on loopback.
import { loadWorkerConfig } from '@heinrich/config/load-config';
import { createLogger } from '@heinrich/config/logger';
import { buildSenders } from '@heinrich/providers/build-senders';
import { startDelivery, type DeliveryRuntime } from '../../apps/worker/src/start-delivery';
import { startEscalationWorld, type EscalationWorld } from '../escalation/escalation-world';
import { startFakeWebhook } from './fake-webhook';

export interface DeliveryWorld {
  world: EscalationWorld;
  delivery: DeliveryRuntime;
  hook: Awaited<ReturnType<typeof startFakeWebhook>>;
  close(): Promise<void>;
}

/** `env`: worker settings on top of the world's database and Redis (e.g. DELIVERY_ATTEMPTS). */
export async function startDeliveryWorld(name: string, env: Record<string, string>): Promise<DeliveryWorld> {
  const world = await startEscalationWorld();
  const hook = await startFakeWebhook();
  const config = loadWorkerConfig({
    DATABASE_URL: world.api.databaseUrl,
    REDIS_URL: world.api.redisUrl,
    REDIS_PREFIX: world.api.redisPrefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // the fake receivers are on loopback; a test of the address rule sets it to false
    WEBHOOK_ALLOW_PRIVATE: 'true',
    ...env,
  });
  const logger = createLogger({ name, level: config.logLevel });
  const delivery = await startDelivery({ config, logger, db: world.api.db, senders: buildSenders(config, logger, world.clock.now), now: world.clock.now });
  return {
    world,
    delivery,
    hook,
    async close() {
      await delivery.close();
      for (const q of delivery.queues.values()) await q.obliterate({ force: true }).catch(() => {});
      await hook.close();
      await world.close();
    },
  };
}
