import { prismaOf, type Queryable } from '../queryable';
import { CONTACT_METHOD_RECORD, type ContactMethodRecord } from './contact-method-record';

/** Marks the method verified (it pages from now on) and clears its code; returns it as it now is. */
export async function markContactMethodVerified(q: Queryable, id: string, now: Date): Promise<ContactMethodRecord> {
  return (await prismaOf(q).contactMethod.update({
    where: { id },
    data: { verifiedAt: now, verificationCodeHash: null, verificationExpiresAt: null, verificationAttempts: 0 },
    select: CONTACT_METHOD_RECORD,
  })) as ContactMethodRecord;
}
