import { handleInboundSms } from '@heinrich/usecases/twilio/handle-inbound-sms';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { field, sendTwiml } from './twilio-webhook';

/** POST /api/v1/twilio/sms — an SMS to our number; answered with TwiML (a <Message> reply, or none). */
export function receiveSmsRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const { twiml } = await handleInboundSms(deps.ctx, { from: field(req.body, 'From'), body: field(req.body, 'Body') });
    sendTwiml(res, twiml);
  };
}
