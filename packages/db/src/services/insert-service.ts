import type { Prisma } from '../generated/prisma/client';
import { prismaOf, type Queryable } from '../queryable';
import type { ServiceRow, ServiceSettings } from './service-row';

/** A new service. */
export async function insertService(q: Queryable, settings: ServiceSettings): Promise<ServiceRow> {
  return prismaOf(q).service.create({ data: { ...settings, noise: settings.noise as Prisma.InputJsonObject } });
}
