import { z } from 'zod';

// Twilio's webhook requests (https://www.twilio.com/docs/usage/webhooks), form
// encoded (application/x-www-form-urlencoded), documented here for the OpenAPI
// document. Twilio sends many more parameters; all are covered by the signature.

/** POST /api/v1/twilio/sms: an SMS to our number. */
export const twilioSmsForm = z.looseObject({
  From: z.string().describe('the sender, E.164'),
  Body: z.string().describe('the text: ack/1, resolve/2, STOP, START, HELP, or a code'),
});

/** POST /api/v1/twilio/voice and /voice/gather: a page call answered, and the key pressed. */
export const twilioVoiceForm = z.looseObject({
  CallSid: z.string().optional(),
  Digits: z.string().optional().describe('gather: the key pressed (1 acknowledges, 2 resolves)'),
});

/** POST /api/v1/twilio/status: a message or call status callback. */
export const twilioStatusForm = z.looseObject({
  MessageStatus: z.string().optional(),
  SmsStatus: z.string().optional(),
  CallStatus: z.string().optional(),
  ErrorCode: z.string().optional(),
});

/** `?delivery=<id>` of the callback URLs Heinrich gives Twilio (voice, gather, status). */
export const twilioCallbackQuery = z.object({ delivery: z.string().optional().describe('the delivery the call or message belongs to') });
