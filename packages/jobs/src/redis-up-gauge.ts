import { Gauge, type Registry } from 'prom-client';

/**
 * heinrich_redis_up on `registry`: 1 when Redis answered a PING from this
 * process at this scrape, 0 when not; the same gauge on the api and the worker
 * (docs/operations.md, the metrics table). Asked at scrape time (`redisUp`, e.g.
 * pingRedis), so it is as fresh as the scrape and costs one round trip per
 * scrape; a rejection counts as down.
 */
export function createRedisUpGauge(registry: Registry, redisUp: () => Promise<boolean>): void {
  new Gauge({
    name: 'heinrich_redis_up',
    help: 'Whether Redis answered a PING from this process at this scrape (1) or not (0)',
    registers: [registry],
    async collect() {
      this.set((await redisUp().catch(() => false)) ? 1 : 0);
    },
  });
}
