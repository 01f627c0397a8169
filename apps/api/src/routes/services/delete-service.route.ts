import { deleteService } from '@heinrich/usecases/services/delete-service';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parseId } from '../../http/parse';

/** DELETE /api/v1/services/{id} — 204; its keys, incidents and alerts go with it. */
export function deleteServiceRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    await deleteService(deps.ctx, principalOf(res), parseId(req.params.id, 'Service'));
    res.status(204).end();
  };
}
