import type { PrismaClient } from '@heinrich/db/create-database';
import type { Prisma } from '@heinrich/db/generated/prisma/client';

/** A user as answers about who is on call name them; `name` null: deleted since the schedule named them. */
export interface UserRef {
  id: string;
  name: string | null;
}

/** Names for user ids, in one query: a function from id to UserRef. */
export async function findUserRefs(prisma: PrismaClient | Prisma.TransactionClient, ids: Iterable<string>): Promise<(id: string) => UserRef> {
  const unique = [...new Set(ids)];
  const rows = unique.length > 0 ? await prisma.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } }) : [];
  const names = new Map(rows.map((u) => [u.id, u.name]));
  return (id) => ({ id, name: names.get(id) ?? null });
}
