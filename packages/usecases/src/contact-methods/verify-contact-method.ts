import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { recordAudit } from '../audit/record-audit';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { CONTACT_METHOD_RECORD, contactMethodSnapshot, type ContactMethodRecord } from './contact-method-record';
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
  const result = await ctx.db.prisma.$transaction(async (tx) => {
    const user = await personalOwner(tx, userId);
    // the row lock serialises concurrent guesses, so the limit holds
    await tx.$queryRaw`SELECT 1 FROM contact_methods WHERE id = ${methodId}::uuid FOR UPDATE`;
    const m = await tx.contactMethod.findFirst({ where: { id: methodId, userId } });
    if (!m) throw AppError.notFound(`Contact method of user ${userId}`, methodId);
    requireAllowed(principal, 'contact_method.create', { user });
    const select = CONTACT_METHOD_RECORD;
    if (m.verifiedAt) return { method: (await tx.contactMethod.findUniqueOrThrow({ where: { id: m.id }, select })) as ContactMethodRecord };
    if (m.type !== 'sms' && m.type !== 'voice') throw new AppError('conflict', `${m.type} methods need no verification`);
    const again = `request a new one with POST /api/v1/users/${userId}/contact-methods/${methodId}/send-verification`;
    if (!m.verificationCodeHash || !m.verificationExpiresAt) throw new AppError('conflict', `No verification code was sent for contact method ${methodId}; ${again}`);
    if (m.verificationAttempts >= MAX_CODE_ATTEMPTS) throw new AppError('rate_limited', `Too many wrong codes for contact method ${methodId}; ${again}`);
    if (m.verificationExpiresAt.getTime() <= ctx.now().getTime()) throw new AppError('conflict', `The verification code for contact method ${methodId} expired; ${again}`);
    if (!verificationCodeMatches(m.id, code, m.verificationCodeHash)) {
      const attempts = m.verificationAttempts + 1;
      await tx.contactMethod.update({ where: { id: m.id }, data: { verificationAttempts: attempts } });
      return { wrong: MAX_CODE_ATTEMPTS - attempts };
    }
    const before = contactMethodSnapshot((await tx.contactMethod.findUniqueOrThrow({ where: { id: m.id }, select })) as ContactMethodRecord);
    const row = (await tx.contactMethod.update({
      where: { id: m.id },
      data: { verifiedAt: ctx.now(), verificationCodeHash: null, verificationExpiresAt: null, verificationAttempts: 0 },
      select,
    })) as ContactMethodRecord;
    await recordAudit(tx, auditActorOf(principal), { action: 'contact_method.verify', entityType: 'contact_method', entityId: m.id, before, after: contactMethodSnapshot(row) });
    return { method: row };
  });
  if (result.method) return result.method;
  const left = result.wrong ?? 0;
  const message = left > 0 ? `is wrong (${left} ${left === 1 ? 'try' : 'tries'} left)` : 'is wrong, and that was the last try: request a new code';
  throw new AppError('validation_failed', `Request body is invalid: code ${message}`, [{ path: 'code', message }]);
}
