import { prismaOf, type Queryable } from '../queryable';
import { CONTACT_METHOD_RECORD, type ContactMethodRecord } from './contact-method-record';

/** The user's contact method with this id, or null when the user has no such method. */
export async function findContactMethodRecord(q: Queryable, userId: string, id: string): Promise<ContactMethodRecord | null> {
  return (await prismaOf(q).contactMethod.findFirst({ where: { id, userId }, select: CONTACT_METHOD_RECORD })) as ContactMethodRecord | null;
}
