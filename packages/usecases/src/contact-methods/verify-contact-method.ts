import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { findContactMethodVerification } from '@heinrich/db/contact-methods/contact-method-verification';
import { getContactMethodRecord } from '@heinrich/db/contact-methods/get-contact-method-record';
import { lockContactMethod } from '@heinrich/db/contact-methods/lock-contact-method';
import { markContactMethodVerified } from '@heinrich/db/contact-methods/mark-contact-method-verified';
import { setVerificationAttempts } from '@heinrich/db/contact-methods/set-verification-attempts';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { contactMethodSnapshot, type ContactMethodRecord } from './contact-method-record';
import { personalOwner } from './personal-owner';
import { MAX_CODE_ATTEMPTS, verificationCodeMatches } from './verification-code';

/**
 * `POST /api/v1/users/{id}/contact-methods/{cmId}/verify {"code"}`: the right,
 * unexpired code marks the method verified (it pages from now on). A wrong code
 * counts against the limit (5) and says how many tries are left; past the
 * limit, or after 10 minutes, only a new code helps. Verifying a verified
 * method again answers with it unchanged.
 */
export async function verifyContactMethod(ctx: Context, principal: Principal, userId: string, methodId: string, code: string): Promise<ContactMethodRecord> {
  const result = await withTransaction(ctx.db, async (tx): Promise<{ method?: ContactMethodRecord; wrong?: number }> => {
    const user = await personalOwner(tx, userId);
    // the row lock serialises concurrent guesses, so the limit holds
    await lockContactMethod(tx, methodId);
    const m = await findContactMethodVerification(tx, userId, methodId);
    if (!m) throw AppError.notFound(`Contact method of user ${userId}`, methodId);
    requireAllowed(principal, 'contact_method.create', { user });
    if (m.verifiedAt) return { method: await getContactMethodRecord(tx, m.id) };
    if (m.type !== 'sms' && m.type !== 'voice') throw new AppError('conflict', `${m.type} methods need no verification`);
    const again = `request a new one with POST /api/v1/users/${userId}/contact-methods/${methodId}/send-verification`;
    if (!m.verificationCodeHash || !m.verificationExpiresAt) throw new AppError('conflict', `No verification code was sent for contact method ${methodId}; ${again}`);
    if (m.verificationAttempts >= MAX_CODE_ATTEMPTS) throw new AppError('rate_limited', `Too many wrong codes for contact method ${methodId}; ${again}`);
    if (m.verificationExpiresAt.getTime() <= ctx.now().getTime()) throw new AppError('conflict', `The verification code for contact method ${methodId} expired; ${again}`);
    if (!verificationCodeMatches(m.id, code, m.verificationCodeHash)) {
      const attempts = m.verificationAttempts + 1;
      await setVerificationAttempts(tx, m.id, attempts);
      return { wrong: MAX_CODE_ATTEMPTS - attempts };
    }
    const before = contactMethodSnapshot(await getContactMethodRecord(tx, m.id));
    const row = await markContactMethodVerified(tx, m.id, ctx.now());
    await insertAuditEntry(tx, auditActorOf(principal), { action: 'contact_method.verify', entityType: 'contact_method', entityId: m.id, before, after: contactMethodSnapshot(row) });
    return { method: row };
  });
  if (result.method) return result.method;
  const left = result.wrong ?? 0;
  const message = left > 0 ? `is wrong (${left} ${left === 1 ? 'try' : 'tries'} left)` : 'is wrong, and that was the last try: request a new code';
  throw new AppError('validation_failed', `Request body is invalid: code ${message}`, [{ path: 'code', message }]);
}
