import { routingIntegrationBody } from '@heinrich/contracts/routing-integrations';
import { createRoutingIntegration, deleteRoutingIntegration, replaceRoutingIntegration } from '@heinrich/usecases/routing/manage-routing-integration';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse, parseId } from '../../http/parse';
import { routingIntegrationJson } from './routing-integration-json';

/** POST /api/v1/routing-integrations — 201 with the integration and its key (shown this once). */
export function createRoutingIntegrationRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const body = parse(routingIntegrationBody, req.body);
    const { integration, secret } = await createRoutingIntegration(deps.ctx, principalOf(res), body);
    res.set('Cache-Control', 'no-store').status(201).json({ ...routingIntegrationJson(integration), key: secret });
  };
}

/** PUT /api/v1/routing-integrations/{id} — replaces name, team, the ordered routes and the catch-all. */
export function replaceRoutingIntegrationRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const id = parseId(req.params.id, 'Routing integration');
    const body = parse(routingIntegrationBody, req.body);
    res.json(routingIntegrationJson(await replaceRoutingIntegration(deps.ctx, principalOf(res), id, body)));
  };
}

/** DELETE /api/v1/routing-integrations/{id} — 204; its key stops working. */
export function deleteRoutingIntegrationRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    await deleteRoutingIntegration(deps.ctx, principalOf(res), parseId(req.params.id, 'Routing integration'));
    res.status(204).end();
  };
}
