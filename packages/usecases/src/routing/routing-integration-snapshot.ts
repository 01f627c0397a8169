import type { RoutingIntegrationRow } from '@heinrich/db/routing/routing-integration-row';

/** A routing integration as the audit log records it: its settings, never the secret. */
export function routingIntegrationSnapshot(r: RoutingIntegrationRow) {
  return {
    id: r.id,
    name: r.name,
    teamId: r.teamId,
    catchAllServiceId: r.catchAllServiceId,
    routes: r.routes.map((x) => ({ matchers: x.matchers, ...(x.serviceId ? { serviceId: x.serviceId } : { serviceFromLabel: x.serviceFromLabel ?? '' }) })),
    secretPrefix: r.secretPrefix,
  };
}
