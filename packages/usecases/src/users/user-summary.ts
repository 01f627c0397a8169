import type { UserSummary } from '@heinrich/db/users/user-summary';

export type { UserSummary } from '@heinrich/db/users/user-summary';

/** A user as the audit log records it. */
export function userSnapshot(u: UserSummary) {
  return { id: u.id, name: u.name, email: u.email, timeZone: u.timeZone, role: u.role, hasPassword: u.hasPassword, slackUserId: u.slackUserId };
}
