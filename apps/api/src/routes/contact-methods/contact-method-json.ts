import type { ContactMethodJson } from '@heinrich/contracts/contact-methods';
import type { ContactMethodRecord } from '@heinrich/usecases/contact-methods/contact-method-record';

/** `lastDeliveredAt`: when the method last delivered anything (the list loads it; a method just created or verified: null unless given). */
export function contactMethodJson(m: ContactMethodRecord & { lastDeliveredAt?: Date | null }): ContactMethodJson {
  return {
    id: m.id,
    userId: m.userId,
    type: m.type,
    value: m.value,
    verified: m.verifiedAt !== null,
    verifiedAt: m.verifiedAt?.toISOString() ?? null,
    disabled: m.disabledAt !== null,
    disabledAt: m.disabledAt?.toISOString() ?? null,
    disabledReason: m.disabledReason,
    createdAt: m.createdAt.toISOString(),
    lastDeliveredAt: m.lastDeliveredAt?.toISOString() ?? null,
  };
}
