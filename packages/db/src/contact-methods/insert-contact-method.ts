import type { ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import { prismaOf, type Queryable } from '../queryable';
import { CONTACT_METHOD_RECORD, type ContactMethodRecord } from './contact-method-record';

/** A new contact method of the user (the signing secret is stored, never returned). */
export async function insertContactMethod(
  q: Queryable,
  method: { userId: string; type: ContactMethodType; value: string; verifiedAt: Date | null; signingSecret: string | null; createdAt: Date },
): Promise<ContactMethodRecord> {
  return (await prismaOf(q).contactMethod.create({ data: method, select: CONTACT_METHOD_RECORD })) as ContactMethodRecord;
}
