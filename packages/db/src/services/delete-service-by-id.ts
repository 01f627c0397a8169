import { prismaOf, type Queryable } from '../queryable';
import type { ServiceRow } from './service-row';

/**
 * Deletes the service (Postgres cascades to its integration keys, incidents,
 * alerts, timelines and pending outbox rows); the row as it was.
 */
export async function deleteServiceById(q: Queryable, id: string): Promise<ServiceRow> {
  return prismaOf(q).service.delete({ where: { id } });
}
