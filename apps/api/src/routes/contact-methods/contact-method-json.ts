import type { ContactMethodJson } from '@heinrich/contracts/contact-methods';
import type { ContactMethodRecord } from '@heinrich/usecases/contact-methods/contact-method-record';

export function contactMethodJson(m: ContactMethodRecord): ContactMethodJson {
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
  };
}
