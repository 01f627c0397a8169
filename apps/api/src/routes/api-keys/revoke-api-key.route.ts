import { revokeApiKey } from '@heinrich/usecases/api-keys/revoke-api-key';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parseId } from '../../http/parse';

/** DELETE /api/v1/api-keys/{id} — revokes; 204, also when already revoked (admins). */
export function revokeApiKeyRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    await revokeApiKey(deps.ctx, principalOf(res), parseId(req.params.id, 'API key'));
    res.status(204).end();
  };
}
