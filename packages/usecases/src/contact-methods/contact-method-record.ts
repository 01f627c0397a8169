import { maskContactValue } from '@heinrich/core/delivery/mask-contact-value';
import type { ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import type { Prisma } from '@heinrich/db/generated/prisma/client';

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

/** As the audit log records it: the value masked (a webhook URL's path is often its secret, and the log is kept). */
export function contactMethodSnapshot(m: ContactMethodRecord) {
  return { id: m.id, userId: m.userId, type: m.type, value: maskContactValue(m.type, m.value), verifiedAt: m.verifiedAt?.toISOString() ?? null };
}
