import { prismaOf, type Queryable } from '../queryable';
import { CONTACT_METHOD_RECORD, type ContactMethodRecord } from './contact-method-record';

/** The user's contact methods, oldest first. */
export async function listUserContactMethods(q: Queryable, userId: string): Promise<ContactMethodRecord[]> {
  const rows = await prismaOf(q).contactMethod.findMany({ where: { userId }, select: CONTACT_METHOD_RECORD, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return rows as ContactMethodRecord[];
}
