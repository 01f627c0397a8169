import { AppError } from '@heinrich/core/app-error';
import type { UserRef } from '@heinrich/core/authz/authorize';
import type { Prisma } from '@heinrich/db/generated/prisma/client';

/** The person whose contact methods or rules these are, or a 404 naming the id. */
export async function personalOwner(tx: Prisma.TransactionClient, userId: string): Promise<UserRef> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true } });
  if (!user) throw AppError.notFound('User', userId);
  return user;
}
