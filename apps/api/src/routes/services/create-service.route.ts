import { createServiceBody } from '@heinrich/contracts/services';
import { createService } from '@heinrich/usecases/services/create-service';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse } from '../../http/parse';
import { serviceJson } from './service-json';

/** POST /api/v1/services — 201 with the service. */
export function createServiceRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const body = parse(createServiceBody, req.body);
    const service = await createService(deps.ctx, principalOf(res), body);
    res.status(201).location(`/api/v1/services/${service.id}`).json(serviceJson(service));
  };
}
