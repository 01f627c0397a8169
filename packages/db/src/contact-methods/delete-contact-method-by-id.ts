import { prismaOf, type Queryable } from '../queryable';

/** Deletes the contact method; the rules that use it go with it (ON DELETE CASCADE). */
export async function deleteContactMethodById(q: Queryable, id: string): Promise<void> {
  await prismaOf(q).contactMethod.delete({ where: { id } });
}
