import type { Prisma } from '../generated/prisma/client';
import { prismaOf, type Queryable } from '../queryable';
import type { ServiceRow, ServiceSettings } from './service-row';

/** Sets the fields given (updatedAt moves); the service as it now is. */
export async function updateServiceSettings(q: Queryable, id: string, changes: Partial<ServiceSettings>): Promise<ServiceRow> {
  const { noise, ...rest } = changes;
  return prismaOf(q).service.update({ where: { id }, data: { ...rest, ...(noise ? { noise: noise as Prisma.InputJsonObject } : {}) } });
}
