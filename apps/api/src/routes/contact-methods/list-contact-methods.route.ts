import { listContactMethods } from '@heinrich/usecases/contact-methods/list-contact-methods';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parseId } from '../../http/parse';
import { contactMethodJson } from './contact-method-json';

/** GET /api/v1/users/{id}/contact-methods — never signing secrets (the user themselves and admins). */
export function listContactMethodsRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const methods = await listContactMethods(deps.ctx, principalOf(res), parseId(req.params.id, 'User'));
    res.json({ items: methods.map(contactMethodJson), nextCursor: null });
  };
}
