import { unroutedListQuery } from '@heinrich/contracts/routing-integrations';
import { getRoutingIntegration, listRoutingIntegrations, listUnroutedAlerts } from '@heinrich/usecases/routing/read-routing-integrations';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse, parseId } from '../../http/parse';
import { routingIntegrationJson, unroutedAlertJson } from './routing-integration-json';

/** GET /api/v1/routing-integrations — every one, by name. */
export function listRoutingIntegrationsRoute(deps: AppDeps): RequestHandler {
  return async (_req, res) => {
    res.json({ items: (await listRoutingIntegrations(deps.ctx)).map(routingIntegrationJson), nextCursor: null });
  };
}

/** GET /api/v1/routing-integrations/{id} */
export function getRoutingIntegrationRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    res.json(routingIntegrationJson(await getRoutingIntegration(deps.ctx, parseId(req.params.id, 'Routing integration'))));
  };
}

/** GET /api/v1/routing-integrations/{id}/unrouted?limit= — what it dropped or sent to its catch-all, newest first. */
export function listUnroutedAlertsRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const q = parse(unroutedListQuery, req.query, 'Query');
    const rows = await listUnroutedAlerts(deps.ctx, parseId(req.params.id, 'Routing integration'), q.limit);
    res.json({ items: rows.map(unroutedAlertJson), nextCursor: null });
  };
}
