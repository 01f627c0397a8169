import { prismaOf, type Queryable } from '../queryable';

/** Records the number of wrong codes tried against the method's current code. */
export async function setVerificationAttempts(q: Queryable, id: string, attempts: number): Promise<void> {
  await prismaOf(q).contactMethod.update({ where: { id }, data: { verificationAttempts: attempts } });
}
