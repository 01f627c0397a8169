import { twilioSmsForm } from '@heinrich/contracts/twilio';
import { handleInboundSms } from '@heinrich/usecases/twilio/handle-inbound-sms';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse } from '../../http/parse';
import { sendTwiml } from './twilio-webhook';

/** POST /api/v1/twilio/sms — an SMS to our number; answered with TwiML (a <Message> reply, or none); 400 without From or Body. */
export function receiveSmsRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const form = parse(twilioSmsForm, req.body ?? {});
    const { twiml } = await handleInboundSms(deps.ctx, { from: form.From, body: form.Body });
    sendTwiml(res, twiml);
  };
}
