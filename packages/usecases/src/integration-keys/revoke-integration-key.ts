import { AppError } from '@heinrich/core/app-error';
import type { Context } from '../context';

/**
 * Revokes a key: senders presenting it get 401 from the next request on
 * (authentication reads revoked_at every time). Revoking a revoked key keeps
 * the first revokedAt and is not an error.
 */
export async function revokeIntegrationKey(ctx: Context, serviceId: string, keyId: string): Promise<void> {
  const { count } = await ctx.db.prisma.integrationKey.updateMany({
    where: { id: keyId, serviceId, revokedAt: null },
    data: { revokedAt: ctx.now() },
  });
  if (count === 1) return;
  const key = await ctx.db.prisma.integrationKey.findFirst({ where: { id: keyId, serviceId }, select: { id: true } });
  if (key) return;
  const service = await ctx.db.prisma.service.findUnique({ where: { id: serviceId }, select: { id: true } });
  if (!service) throw AppError.notFound('Service', serviceId);
  throw AppError.notFound('Integration key', keyId);
}
