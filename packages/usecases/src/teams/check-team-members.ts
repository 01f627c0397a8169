import { AppError, type FieldProblem } from '@heinrich/core/app-error';
import { findExistingUserIds } from '@heinrich/db/users/find-existing-user-ids';
import type { Tx } from '@heinrich/db/with-transaction';

export interface TeamMemberInput {
  userId: string;
  role: 'lead' | 'responder' | 'viewer';
}

/** Every member must be a user that exists: a 400 naming `members.<i>.userId` otherwise. */
export async function checkTeamMembers(tx: Tx, members: readonly TeamMemberInput[]): Promise<void> {
  if (members.length === 0) return;
  const known = await findExistingUserIds(tx, members.map((m) => m.userId));
  const fields: FieldProblem[] = members.flatMap((m, i) =>
    known.has(m.userId) ? [] : [{ path: `members.${i}.userId`, message: `refers to user ${m.userId}, which does not exist` }],
  );
  const first = fields[0];
  if (first) throw new AppError('validation_failed', `Request body is invalid: ${first.path} ${first.message}`, fields);
}
