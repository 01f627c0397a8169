import type { RoutingSender } from './authenticate-ingest-key';
import type { RoutingConfig } from './plan-routing';

/** A stored integration's routing as the key lookup found it: compiled once per version (id + updated_at), its fixed targets loaded with the key. */
export function routingConfigOf({ integration, fixedTargets }: Pick<RoutingSender, 'integration' | 'fixedTargets'>): RoutingConfig {
  return { cacheKey: `${integration.id}@${integration.updatedAt.toISOString()}`, routes: integration.routes, catchAllServiceId: integration.catchAllServiceId, fixedTargets };
}
