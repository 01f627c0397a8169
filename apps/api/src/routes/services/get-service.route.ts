import { getService } from '@heinrich/usecases/services/get-service';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parseId } from '../../http/parse';
import { serviceJson } from './service-json';

/** GET /api/v1/services/{id} */
export function getServiceRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const service = await getService(deps.ctx, parseId(req.params.id, 'Service'));
    res.json(serviceJson(service));
  };
}
