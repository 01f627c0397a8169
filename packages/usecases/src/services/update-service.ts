import { AppError } from '@heinrich/core/app-error';
import type { Service } from '@heinrich/db/generated/prisma/client';
import type { Context } from '../context';
import { checkServiceReferences } from './check-service-references';
import type { NewService } from './create-service';

/** Changes only the fields given; null clears a nullable one. */
export async function updateService(ctx: Context, id: string, changes: Partial<NewService>): Promise<Service> {
  await checkServiceReferences(ctx.db.prisma, changes);
  if (Object.values(changes).every((v) => v === undefined)) {
    // nothing to change: leave updatedAt alone
    const service = await ctx.db.prisma.service.findUnique({ where: { id } });
    if (!service) throw AppError.notFound('Service', id);
    return service;
  }
  // updateMany: an unknown id is a count of 0 (a 404), not an exception to pick apart
  const { count } = await ctx.db.prisma.service.updateMany({ where: { id }, data: changes });
  const service = count === 1 ? await ctx.db.prisma.service.findUnique({ where: { id } }) : null;
  if (!service) throw AppError.notFound('Service', id);
  return service;
}
