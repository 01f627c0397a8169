import { prismaOf, type Queryable } from '../queryable';

/** Stores a new verification code (its hash) for the method, replacing the old one; the tries start again. */
export async function startContactMethodVerification(q: Queryable, id: string, code: { hash: string; expiresAt: Date; sentAt: Date }): Promise<void> {
  await prismaOf(q).contactMethod.update({
    where: { id },
    data: { verificationCodeHash: code.hash, verificationExpiresAt: code.expiresAt, verificationAttempts: 0, verificationSentAt: code.sentAt },
  });
}
