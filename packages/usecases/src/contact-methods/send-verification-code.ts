import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { PermanentDeliveryError } from '@heinrich/providers/delivery-sender';
import type { TwilioGateway } from '@heinrich/providers/twilio/twilio-gateway';
import { verificationSmsText } from '@heinrich/providers/twilio/sms-text';
import { verificationCallTwiml } from '@heinrich/providers/twilio/voice-twiml';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { findContactMethodVerification } from '@heinrich/db/contact-methods/contact-method-verification';
import { startContactMethodVerification } from '@heinrich/db/contact-methods/start-contact-method-verification';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { personalOwner } from './personal-owner';
import { CODE_TTL_MS, hashVerificationCode, newVerificationCode, RESEND_AFTER_MS } from './verification-code';

export interface VerificationStatus {
  /** sent: a code is on its way; unavailable: no Twilio, the method stays unverified; failed: Twilio refused */
  status: 'sent' | 'unavailable' | 'failed' | 'not-needed';
  message: string;
  expiresAt?: Date;
}

/**
 * Sends a 6-digit code to an sms number by SMS, to a voice number by a call
 * (from the api process, at once: the person is waiting for it). Stored only
 * as a hash, good for 10 minutes and 5 wrong tries; a new code replaces the
 * old one, at most one a minute. Who may: whoever may add the user's contact
 * methods. `initial` (right after creating the method): no Twilio or a refusal
 * is reported in the answer instead of failing the creation.
 */
export async function sendVerificationCode(
  ctx: Context,
  twilio: TwilioGateway | undefined,
  principal: Principal,
  userId: string,
  methodId: string,
  opts: { initial?: boolean } = {},
): Promise<VerificationStatus> {
  const prepared = await withTransaction(ctx.db, async (tx) => {
    const user = await personalOwner(tx, userId);
    const m = await findContactMethodVerification(tx, userId, methodId);
    if (!m) throw AppError.notFound(`Contact method of user ${userId}`, methodId);
    requireAllowed(principal, 'contact_method.create', { user });
    if (m.type !== 'sms' && m.type !== 'voice') {
      if (opts.initial) return { done: { status: 'not-needed', message: `${m.type} methods need no verification` } as VerificationStatus };
      throw new AppError('conflict', `${m.type} methods need no verification`);
    }
    if (m.verifiedAt) {
      if (opts.initial) return { done: { status: 'not-needed', message: 'already verified' } as VerificationStatus };
      throw new AppError('conflict', `Contact method ${methodId} is verified already`);
    }
    const can = m.type === 'sms' ? twilio?.canSms : twilio?.canCall;
    if (!twilio || !can) {
      const message = `Twilio is not configured for ${m.type === 'sms' ? 'SMS' : 'calls'}: the number stays unverified and is not paged (docs/twilio.md)`;
      if (opts.initial) return { done: { status: 'unavailable', message } as VerificationStatus };
      throw new AppError('unavailable', message);
    }
    const now = ctx.now();
    if (m.verificationSentAt && now.getTime() - m.verificationSentAt.getTime() < RESEND_AFTER_MS) {
      const wait = Math.ceil((RESEND_AFTER_MS - (now.getTime() - m.verificationSentAt.getTime())) / 1000);
      throw new AppError('rate_limited', `A code was sent less than a minute ago; ask again in ${wait} s`, [], wait);
    }
    const code = newVerificationCode();
    const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
    await startContactMethodVerification(tx, m.id, { hash: hashVerificationCode(m.id, code), expiresAt, sentAt: now });
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'contact_method.send_verification',
      entityType: 'contact_method',
      entityId: m.id,
      before: null,
      after: { id: m.id, type: m.type, value: m.value, expiresAt: expiresAt.toISOString() },
    });
    return { send: { type: m.type, value: m.value, code, expiresAt } };
  });
  if (prepared.done) return prepared.done;
  const { type, value, code, expiresAt } = prepared.send!;
  try {
    if (type === 'sms') await twilio!.sendSms(value, verificationSmsText(code));
    else await twilio!.call(value, verificationCallTwiml(code));
  } catch (err) {
    const message = `Twilio could not ${type === 'sms' ? 'send the SMS' : 'place the call'}: ${(err as Error).message}`;
    ctx.logger.warn({ methodId, err: (err as Error).message }, 'verification code not sent');
    if (opts.initial) return { status: 'failed', message };
    throw err instanceof PermanentDeliveryError
      ? new AppError('validation_failed', message, [{ path: 'value', message: (err as Error).message }])
      : new AppError('unavailable', message, [], 30);
  }
  return { status: 'sent', message: `A 6-digit code was sent ${type === 'sms' ? 'by SMS' : 'by a phone call'} to ${value}; it expires in 10 minutes`, expiresAt };
}
