import type { ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import { prismaOf, type Queryable } from '../queryable';

/** A contact method with its verification state (code hash included: this never leaves the use cases). */
export interface ContactMethodVerification {
  id: string;
  type: ContactMethodType;
  value: string;
  verifiedAt: Date | null;
  verificationCodeHash: string | null;
  verificationExpiresAt: Date | null;
  verificationAttempts: number;
  verificationSentAt: Date | null;
}

/** The user's contact method with this id and its verification state, or null when the user has no such method. */
export async function findContactMethodVerification(q: Queryable, userId: string, id: string): Promise<ContactMethodVerification | null> {
  return (await prismaOf(q).contactMethod.findFirst({
    where: { id, userId },
    select: {
      id: true,
      type: true,
      value: true,
      verifiedAt: true,
      verificationCodeHash: true,
      verificationExpiresAt: true,
      verificationAttempts: true,
      verificationSentAt: true,
    },
  })) as ContactMethodVerification | null;
}
