import { revokeIntegrationKey } from '@heinrich/usecases/integration-keys/revoke-integration-key';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parseId } from '../../http/parse';

/** DELETE /api/v1/services/{id}/integration-keys/{keyId} — revokes; 204, also when already revoked. */
export function revokeIntegrationKeyRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const serviceId = parseId(req.params.id, 'Service');
    const keyId = parseId(req.params.keyId, 'Integration key');
    await revokeIntegrationKey(deps.ctx, principalOf(res), serviceId, keyId);
    res.status(204).end();
  };
}
