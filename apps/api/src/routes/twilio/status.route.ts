import { twilioCallbackQuery, twilioStatusForm } from '@heinrich/contracts/twilio';
import { handleStatusCallback } from '@heinrich/usecases/twilio/handle-status-callback';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse } from '../../http/parse';

/** POST /api/v1/twilio/status?delivery= — a message or call status callback; 204; 400 naming neither a call's nor a message's status. */
export function twilioStatusRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const { delivery } = parse(twilioCallbackQuery, req.query, 'Query');
    const form = parse(twilioStatusForm, req.body ?? {});
    const outcome = await handleStatusCallback(deps.ctx, form, delivery || undefined);
    deps.logger.debug({ outcome }, 'twilio status callback');
    res.status(204).end();
  };
}
