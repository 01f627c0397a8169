import { verifyContactMethodBody } from '@heinrich/contracts/contact-methods';
import { verifyContactMethod } from '@heinrich/usecases/contact-methods/verify-contact-method';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse, parseId } from '../../http/parse';
import { contactMethodJson } from './contact-method-json';

/** POST /api/v1/users/{id}/contact-methods/{methodId}/verify `{"code"}` — 200 with the method, verified. */
export function verifyContactMethodRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const userId = parseId(req.params.id, 'User');
    const methodId = parseId(req.params.methodId, 'Contact method');
    const { code } = parse(verifyContactMethodBody, req.body ?? {});
    res.json(contactMethodJson(await verifyContactMethod(deps.ctx, principalOf(res), userId, methodId, code)));
  };
}
