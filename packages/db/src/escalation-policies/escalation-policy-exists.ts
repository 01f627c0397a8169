import { prismaOf, type Queryable } from '../queryable';

/** True when there is an escalation policy with this id. */
export async function escalationPolicyExists(q: Queryable, id: string): Promise<boolean> {
  return (await prismaOf(q).escalationPolicy.findUnique({ where: { id }, select: { id: true } })) !== null;
}
