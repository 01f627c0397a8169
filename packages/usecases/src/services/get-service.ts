import { AppError } from '@heinrich/core/app-error';
import type { Service } from '@heinrich/db/generated/prisma/client';
import type { Context } from '../context';

/** The service, or a 404 naming the id. */
export async function getService(ctx: Context, id: string): Promise<Service> {
  const service = await ctx.db.prisma.service.findUnique({ where: { id } });
  if (!service) throw AppError.notFound('Service', id);
  return service;
}
