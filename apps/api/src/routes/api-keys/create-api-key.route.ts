import { createApiKeyBody, type CreatedApiKeyJson } from '@heinrich/contracts/api-keys';
import { createApiKey } from '@heinrich/usecases/api-keys/create-api-key';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse } from '../../http/parse';
import { apiKeyJson } from './api-key-json';

/** POST /api/v1/api-keys — 201 with the secret `key`, shown this once (admins). */
export function createApiKeyRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const body = parse(createApiKeyBody, req.body);
    const { key, secret } = await createApiKey(deps.ctx, principalOf(res), body);
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).location(`/api/v1/api-keys/${key.id}`).json({ ...apiKeyJson(key), key: secret } satisfies CreatedApiKeyJson);
  };
}
