import { createIntegrationKeyBody, type CreatedIntegrationKeyJson } from '@heinrich/contracts/integration-keys';
import { createIntegrationKey } from '@heinrich/usecases/integration-keys/create-integration-key';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse, parseId } from '../../http/parse';
import { integrationKeyJson } from './integration-key-json';
import { receiverExample } from './receiver-example';

/**
 * POST /api/v1/services/{id}/integration-keys — 201 with the secret `key`, shown
 * this once, and the receiver URL and a snippet to paste.
 */
export function createIntegrationKeyRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const serviceId = parseId(req.params.id, 'Service');
    const body = parse(createIntegrationKeyBody, req.body);
    const { key, secret, warnings } = await createIntegrationKey(deps.ctx, principalOf(res), serviceId, body);
    // the secret must not end up in a shared cache or a browser's history of responses
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json({
      ...integrationKeyJson(key),
      key: secret,
      ...receiverExample(deps.config.publicUrl, key.type, secret),
      warnings,
    } satisfies CreatedIntegrationKeyJson);
  };
}
