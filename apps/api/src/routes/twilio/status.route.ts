import { handleStatusCallback } from '@heinrich/usecases/twilio/handle-status-callback';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { deliveryParam } from './twilio-webhook';

/** POST /api/v1/twilio/status?delivery= — a message or call status callback; 204. */
export function twilioStatusRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const outcome = await handleStatusCallback(deps.ctx, (req.body ?? {}) as Record<string, string | string[]>, deliveryParam(req.query) || undefined);
    deps.logger.debug({ outcome }, 'twilio status callback');
    res.status(204).end();
  };
}
