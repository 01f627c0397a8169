import { AppError } from '@heinrich/core/app-error';
import { listRoutingIntegrationRows, selectRoutingIntegration, type RoutingIntegrationRow } from '@heinrich/db/routing/routing-integration-row';
import { listUnroutedAlertRows, type UnroutedAlertRow } from '@heinrich/db/routing/unrouted-alerts';
import type { Context } from '../context';

/** Every routing integration (any signed-in caller may read; the secret is never shown again). */
export async function listRoutingIntegrations(ctx: Context): Promise<RoutingIntegrationRow[]> {
  return listRoutingIntegrationRows(ctx.db.pool);
}

export async function getRoutingIntegration(ctx: Context, id: string): Promise<RoutingIntegrationRow> {
  const row = await selectRoutingIntegration(ctx.db.pool, id);
  if (!row) throw AppError.notFound('Routing integration', id);
  return row;
}

/** The alerts it dropped or sent to its catch-all, newest first, with the reason. */
export async function listUnroutedAlerts(ctx: Context, id: string, limit: number): Promise<UnroutedAlertRow[]> {
  await getRoutingIntegration(ctx, id);
  return listUnroutedAlertRows(ctx.db.pool, id, limit);
}
