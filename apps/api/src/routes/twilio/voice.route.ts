import { handleVoiceKeypress, voiceCallTwiml } from '@heinrich/usecases/twilio/voice-call';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { deliveryParam, field, sendTwiml } from './twilio-webhook';

/** POST /api/v1/twilio/voice?delivery= — the TwiML of a page call, fetched by Twilio when it is answered. */
export function voiceCallRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    sendTwiml(res, await voiceCallTwiml(deps.ctx, deps.config.publicUrl, deliveryParam(req.query)));
  };
}

/** POST /api/v1/twilio/voice/gather?delivery= — the key pressed (`Digits`); answered with the spoken confirmation. */
export function voiceGatherRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const xml = await handleVoiceKeypress(deps.ctx, deps.config.publicUrl, {
      deliveryId: deliveryParam(req.query),
      callSid: field(req.body, 'CallSid') || undefined,
      digits: field(req.body, 'Digits'),
    });
    sendTwiml(res, xml);
  };
}
