import { AppError } from '@heinrich/core/app-error';
import type { Context } from '../context';

/**
 * Deletes the service; Postgres cascades to its integration keys, incidents,
 * alerts, timelines and pending outbox rows (ON DELETE CASCADE).
 */
export async function deleteService(ctx: Context, id: string): Promise<void> {
  const { count } = await ctx.db.prisma.service.deleteMany({ where: { id } });
  if (count === 0) throw AppError.notFound('Service', id);
}
