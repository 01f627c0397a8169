import type { Context } from '../context';
import { recordDeliveryStatus, type DeliveryStatusOutcome } from '../delivery/record-delivery-status';

/** Message statuses that end a message badly (PROTOCOLS.md 3.2). */
const MESSAGE_FAILED = new Set(['undelivered', 'failed', 'canceled']);
/**
 * Final call statuses that reached nobody. `completed` joins them: a call
 * whose keypress was recorded is already `delivered`, so the failure changes
 * nothing then; without a keypress it was voicemail or a hang-up.
 */
const CALL_FAILED: Record<string, string> = {
  'no-answer': 'no answer',
  busy: 'busy',
  failed: 'the call failed',
  canceled: 'the call was canceled',
  completed: 'the call ended without a keypress (voicemail or hung up)',
};

/** The parameters of Twilio's status callback read here (validated by the api: packages/contracts/src/twilio.ts). */
export interface TwilioStatusParams {
  CallSid?: string;
  CallStatus?: string;
  AnsweredBy?: string;
  MessageSid?: string;
  MessageStatus?: string;
  SmsStatus?: string;
  ErrorCode?: string;
  ErrorMessage?: string;
}

export type StatusCallbackOutcome = DeliveryStatusOutcome | { status: 'ignored'; why: string };

/**
 * `POST /api/v1/twilio/status?delivery=`: a message or call status. delivered
 * marks the SMS delivered; undelivered/failed, and a call that reached nobody,
 * fail the delivery and start the user's next method at once (recorded on the
 * timeline with Twilio's reason). Intermediate statuses (queued, sent,
 * ringing, in-progress) change nothing. Repeats and late callbacks are no-ops.
 */
export async function handleStatusCallback(ctx: Context, params: TwilioStatusParams, deliveryId: string | undefined): Promise<StatusCallbackOutcome> {
  const p = (k: keyof TwilioStatusParams) => params[k];
  const callStatus = p('CallStatus');
  const messageStatus = p('MessageStatus') ?? p('SmsStatus');
  const ids = { deliveryId: deliveryId ?? null };
  if (callStatus && p('CallSid')) {
    const why = CALL_FAILED[callStatus];
    if (!why) return { status: 'ignored', why: `call ${callStatus}` };
    const answeredBy = p('AnsweredBy');
    const error = answeredBy?.startsWith('machine') ? `${why}; answered by a machine` : why;
    return recordDeliveryStatus(ctx, { channel: 'voice', providerId: p('CallSid'), ...ids, status: 'failed', error, permanent: true });
  }
  if (messageStatus && p('MessageSid')) {
    if (messageStatus === 'delivered') return recordDeliveryStatus(ctx, { channel: 'sms', providerId: p('MessageSid'), ...ids, status: 'delivered' });
    if (!MESSAGE_FAILED.has(messageStatus)) return { status: 'ignored', why: `message ${messageStatus}` };
    const code = p('ErrorCode');
    const error = `${messageStatus}${code ? ` (Twilio ${code}${p('ErrorMessage') ? ` ${p('ErrorMessage')}` : ''})` : ''}`;
    return recordDeliveryStatus(ctx, { channel: 'sms', providerId: p('MessageSid'), ...ids, status: 'failed', error, permanent: true });
  }
  return { status: 'ignored', why: 'neither a message nor a call status' };
}
