import type { VerificationJson } from '@heinrich/contracts/contact-methods';
import { sendVerificationCode } from '@heinrich/usecases/contact-methods/send-verification-code';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parseId } from '../../http/parse';

/** POST /api/v1/users/{id}/contact-methods/{methodId}/send-verification — 202: a new code is on its way (one a minute). */
export function sendVerificationRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const userId = parseId(req.params.id, 'User');
    const methodId = parseId(req.params.methodId, 'Contact method');
    const v = await sendVerificationCode(deps.ctx, deps.twilio, principalOf(res), userId, methodId);
    const json: VerificationJson = { status: v.status, message: v.message, ...(v.expiresAt ? { expiresAt: v.expiresAt.toISOString() } : {}) };
    res.status(202).json(json);
  };
}
