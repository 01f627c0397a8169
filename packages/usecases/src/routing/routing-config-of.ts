import type { RoutingIntegrationRow } from '@heinrich/db/routing/routing-integration-row';
import type { RoutingConfig } from './plan-routing';

/** A stored integration's routing, cached per version (id + updated_at). */
export function routingConfigOf(row: RoutingIntegrationRow): RoutingConfig {
  return { cacheKey: `${row.id}@${row.updatedAt.toISOString()}`, routes: row.routes, catchAllServiceId: row.catchAllServiceId };
}
