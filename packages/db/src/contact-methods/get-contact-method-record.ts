import { prismaOf, type Queryable } from '../queryable';
import { CONTACT_METHOD_RECORD, type ContactMethodRecord } from './contact-method-record';

/** The contact method, which must exist (Prisma's P2025 otherwise). */
export async function getContactMethodRecord(q: Queryable, id: string): Promise<ContactMethodRecord> {
  return (await prismaOf(q).contactMethod.findUniqueOrThrow({ where: { id }, select: CONTACT_METHOD_RECORD })) as ContactMethodRecord;
}
