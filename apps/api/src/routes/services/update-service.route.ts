import { updateServiceBody } from '@heinrich/contracts/services';
import { updateService } from '@heinrich/usecases/services/update-service';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse, parseId } from '../../http/parse';
import { serviceJson } from './service-json';

/** PATCH /api/v1/services/{id} — the fields given change; 200 with the service. */
export function updateServiceRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const id = parseId(req.params.id, 'Service');
    const changes = parse(updateServiceBody, req.body ?? {});
    res.json(serviceJson(await updateService(deps.ctx, principalOf(res), id, changes)));
  };
}
