import { updateIntegrationKeyBody, type UpdatedIntegrationKeyJson } from '@heinrich/contracts/integration-keys';
import { updateIntegrationKey } from '@heinrich/usecases/integration-keys/update-integration-key';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse, parseId } from '../../http/parse';
import { integrationKeyJson } from './integration-key-json';

/** PATCH /api/v1/services/{id}/integration-keys/{keyId} — `heartbeat` links (or, null, unlinks) the Watchdog; 200 with the key and `warnings`. */
export function updateIntegrationKeyRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const serviceId = parseId(req.params.id, 'Service');
    const keyId = parseId(req.params.keyId, 'Integration key');
    const body = parse(updateIntegrationKeyBody, req.body ?? {});
    const { key, warnings } = await updateIntegrationKey(deps.ctx, principalOf(res), serviceId, keyId, body);
    res.json({ ...integrationKeyJson(key), warnings } satisfies UpdatedIntegrationKeyJson);
  };
}
