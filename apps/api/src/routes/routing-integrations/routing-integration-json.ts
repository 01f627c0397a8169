import type { RoutingIntegrationJson } from '@heinrich/contracts/routing-integrations';
import type { getRoutingIntegration, listUnroutedAlerts } from '@heinrich/usecases/routing/read-routing-integrations';

type Row = Awaited<ReturnType<typeof getRoutingIntegration>>;
type Unrouted = Awaited<ReturnType<typeof listUnroutedAlerts>>[number];

/** A routing integration as the API shows it: never the key (only its prefix). */
export function routingIntegrationJson(r: Row): RoutingIntegrationJson {
  return {
    id: r.id,
    name: r.name,
    teamId: r.teamId,
    routes: r.routes.map((x) => ({ matchers: x.matchers, ...(x.serviceId ? { serviceId: x.serviceId } : { serviceFromLabel: x.serviceFromLabel ?? '' }) })),
    catchAllServiceId: r.catchAllServiceId,
    secretPrefix: r.secretPrefix,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  };
}

export function unroutedAlertJson(u: Unrouted) {
  return { ...u, receivedAt: u.receivedAt.toISOString() };
}
