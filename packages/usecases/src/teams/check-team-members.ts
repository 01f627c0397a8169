import { AppError, type FieldProblem } from '@heinrich/core/app-error';
import type { Prisma } from '@heinrich/db/generated/prisma/client';

export interface TeamMemberInput {
  userId: string;
  role: 'lead' | 'responder' | 'viewer';
}

/** Every member must be a user that exists: a 400 naming `members.<i>.userId` otherwise. */
export async function checkTeamMembers(tx: Prisma.TransactionClient, members: readonly TeamMemberInput[]): Promise<void> {
  if (members.length === 0) return;
  const found = await tx.user.findMany({ where: { id: { in: members.map((m) => m.userId) } }, select: { id: true } });
  const known = new Set(found.map((u) => u.id));
  const fields: FieldProblem[] = members.flatMap((m, i) =>
    known.has(m.userId) ? [] : [{ path: `members.${i}.userId`, message: `refers to user ${m.userId}, which does not exist` }],
  );
  const first = fields[0];
  if (first) throw new AppError('validation_failed', `Request body is invalid: ${first.path} ${first.message}`, fields);
}
