import { z } from 'zod';
import { formString } from './primitives';

// Twilio's webhook requests (https://www.twilio.com/docs/usage/webhooks), form
// encoded (application/x-www-form-urlencoded). X-Twilio-Signature is checked
// over EVERY posted parameter before these are read (apps/api/src/routes/twilio/
// twilio-webhook.ts); then they are validated loosely: only the fields Heinrich
// reads are declared, Twilio's many others pass through untouched.

/** POST /api/v1/twilio/sms: an SMS to our number. */
export const twilioSmsForm = z.looseObject({
  From: formString().describe('the sender, E.164'),
  Body: formString().describe('the text: a reply code and letter (12a), STOP, START, HELP'),
});
export type TwilioSmsForm = z.infer<typeof twilioSmsForm>;

/** POST /api/v1/twilio/voice and /voice/gather: a page call answered, and the key pressed. */
export const twilioVoiceForm = z.looseObject({
  CallSid: formString().optional(),
  Digits: formString().optional().describe('gather: the key pressed (4 acknowledges, 6 resolves, 5 escalates, * repeats; none: the menu again)'),
});
export type TwilioVoiceForm = z.infer<typeof twilioVoiceForm>;

/**
 * POST /api/v1/twilio/status: a message or call status callback
 * (https://www.twilio.com/docs/messaging/guides/track-outbound-message-status,
 * https://www.twilio.com/docs/voice/api/call-resource#statuscallback): a call's
 * CallSid and CallStatus, or a message's MessageSid and MessageStatus (SmsStatus
 * in older callbacks).
 */
export const twilioStatusForm = z
  .looseObject({
    CallSid: formString().optional(),
    CallStatus: formString().optional(),
    AnsweredBy: formString().optional().describe('machine_start, human, ... (with answering machine detection)'),
    MessageSid: formString().optional(),
    MessageStatus: formString().optional(),
    SmsStatus: formString().optional(),
    ErrorCode: formString().optional(),
    ErrorMessage: formString().optional(),
  })
  .refine((f) => (f.CallSid !== undefined && f.CallStatus !== undefined) || (f.MessageSid !== undefined && (f.MessageStatus ?? f.SmsStatus) !== undefined), {
    error: 'must carry CallSid and CallStatus (a call) or MessageSid and MessageStatus (a message)',
  })
  .describe("a call's CallSid and CallStatus, or a message's MessageSid and MessageStatus (or SmsStatus): 400 otherwise");
export type TwilioStatusForm = z.infer<typeof twilioStatusForm>;

/** `?delivery=<id>` of the callback URLs Heinrich gives Twilio (voice, gather, status). */
export const twilioCallbackQuery = z.object({ delivery: formString().optional().describe('the delivery the call or message belongs to') });
