import { deleteContactMethod } from '@heinrich/usecases/contact-methods/delete-contact-method';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parseId } from '../../http/parse';

/** DELETE /api/v1/users/{id}/contact-methods/{methodId} — 204, with the rules using it. */
export function deleteContactMethodRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    await deleteContactMethod(deps.ctx, principalOf(res), parseId(req.params.id, 'User'), parseId(req.params.methodId, 'Contact method'));
    res.status(204).end();
  };
}
