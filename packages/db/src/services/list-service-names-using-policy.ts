import { prismaOf, type Queryable } from '../queryable';

/** Names of the services (by name, at most `limit`) whose escalation policy is `policyId`. */
export async function listServiceNamesUsingPolicy(q: Queryable, policyId: string, limit: number): Promise<string[]> {
  const services = await prismaOf(q).service.findMany({ where: { escalationPolicyId: policyId }, select: { name: true }, orderBy: { name: 'asc' }, take: limit });
  return services.map((s) => s.name);
}
