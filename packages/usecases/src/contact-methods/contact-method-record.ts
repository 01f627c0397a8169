import { maskContactValue } from '@heinrich/core/delivery/mask-contact-value';
import type { ContactMethodRecord } from '@heinrich/db/contact-methods/contact-method-record';

export type { ContactMethodRecord } from '@heinrich/db/contact-methods/contact-method-record';

/** As the audit log records it: the value masked (a webhook URL's path is often its secret, and the log is kept). */
export function contactMethodSnapshot(m: ContactMethodRecord) {
  return { id: m.id, userId: m.userId, type: m.type, value: maskContactValue(m.type, m.value), verifiedAt: m.verifiedAt?.toISOString() ?? null };
}
