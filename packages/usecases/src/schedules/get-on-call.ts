import { parseInstant } from '@heinrich/core/schedule/parse-instant';
import { onCallAtRevisions } from '@heinrich/core/schedule/revisions';
import type { OnCallReason } from '@heinrich/core/schedule/schedule';
import type { Context } from '../context';
import { loadResolvableSchedule } from './load-resolvable-schedule';
import { findUserRefs, type UserRef } from './user-refs';

export interface OnCallAnswer {
  at: string;
  users: UserRef[];
  because: OnCallReason[];
}

/**
 * Who is on call at `at` (an RFC 3339 instant; default: now), and why, from the
 * revision in force then: the core resolver's answer (onCallAt), with names.
 */
export async function getOnCall(ctx: Context, id: string, at?: string): Promise<OnCallAnswer> {
  const t = at !== undefined ? new Date(parseInstant(at) as number) : ctx.now();
  const schedule = await loadResolvableSchedule(ctx, id, t, new Date(t.getTime() + 1));
  const answer = onCallAtRevisions(schedule.revisions, schedule.overrides, t);
  const ref = await findUserRefs(ctx.db.pool, answer.users);
  return { at: answer.at, users: answer.users.map(ref), because: answer.because };
}
