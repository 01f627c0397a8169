import { twilioCallbackQuery, twilioVoiceForm } from '@heinrich/contracts/twilio';
import { handleVoiceKeypress, voiceCallTwiml } from '@heinrich/usecases/twilio/voice-call';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse } from '../../http/parse';
import { sendTwiml } from './twilio-webhook';

/** POST /api/v1/twilio/voice?delivery= — the TwiML of a page call, fetched by Twilio when it is answered. */
export function voiceCallRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const { delivery } = parse(twilioCallbackQuery, req.query, 'Query');
    sendTwiml(res, await voiceCallTwiml(deps.ctx, deps.config.publicUrl, delivery ?? ''));
  };
}

/** POST /api/v1/twilio/voice/gather?delivery= — the key pressed (`Digits`); answered with the spoken confirmation. */
export function voiceGatherRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const { delivery } = parse(twilioCallbackQuery, req.query, 'Query');
    const form = parse(twilioVoiceForm, req.body ?? {});
    const xml = await handleVoiceKeypress(deps.ctx, deps.config.publicUrl, {
      deliveryId: delivery ?? '',
      callSid: form.CallSid || undefined,
      digits: form.Digits ?? '',
    });
    sendTwiml(res, xml);
  };
}
