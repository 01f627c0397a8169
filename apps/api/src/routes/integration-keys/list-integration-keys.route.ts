import { listIntegrationKeys } from '@heinrich/usecases/integration-keys/list-integration-keys';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parseId } from '../../http/parse';
import { integrationKeyJson } from './integration-key-json';

/** GET /api/v1/services/{id}/integration-keys — all of the service's keys, never their secrets. */
export function listIntegrationKeysRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const keys = await listIntegrationKeys(deps.ctx, parseId(req.params.id, 'Service'));
    res.json({ items: keys.map(integrationKeyJson), nextCursor: null });
  };
}
