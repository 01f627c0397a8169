import { listApiKeys } from '@heinrich/usecases/api-keys/list-api-keys';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { apiKeyJson } from './api-key-json';

/** GET /api/v1/api-keys — every key, revoked ones included, never their secrets. */
export function listApiKeysRoute(deps: AppDeps): RequestHandler {
  return async (_req, res) => {
    res.json({ items: (await listApiKeys(deps.ctx)).map(apiKeyJson), nextCursor: null });
  };
}
