import { prismaOf, type Queryable } from '../queryable';
import type { ServiceRow } from './service-row';

/** The service, or null when there is no such service. */
export async function findServiceById(q: Queryable, id: string): Promise<ServiceRow | null> {
  return prismaOf(q).service.findUnique({ where: { id } });
}
