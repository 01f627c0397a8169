import type { TestPageJson } from '@heinrich/contracts/contact-methods';
import { sendTestPage } from '@heinrich/usecases/contact-methods/send-test-page';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parseId } from '../../http/parse';

/**
 * POST /api/v1/users/{id}/contact-methods/{methodId}/test — 202: a real test page
 * to this one method is queued (the worker sends it); 429 within a minute of the last one.
 */
export function sendTestPageRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const userId = parseId(req.params.id, 'User');
    const methodId = parseId(req.params.methodId, 'Contact method');
    const page = await sendTestPage(deps.ctx, principalOf(res), userId, methodId);
    const json: TestPageJson = { ...page, status: 'queued' };
    res.status(202).json(json);
  };
}
