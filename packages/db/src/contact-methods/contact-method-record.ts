import type { ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import type { Prisma } from '../generated/prisma/client';

/** The columns of a contact method that may leave the database: never the signing secret. */
export const CONTACT_METHOD_RECORD = {
  id: true,
  userId: true,
  type: true,
  value: true,
  verifiedAt: true,
  disabledAt: true,
  disabledReason: true,
  createdAt: true,
} as const satisfies Prisma.ContactMethodSelect;

export type ContactMethodRecord = Omit<Prisma.ContactMethodGetPayload<{ select: typeof CONTACT_METHOD_RECORD }>, 'type'> & { type: ContactMethodType };
