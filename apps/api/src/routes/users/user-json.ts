import type { UserJson } from '@heinrich/contracts/users';
import type { UserSummary } from '@heinrich/usecases/users/user-summary';

/** A user as the API shows it: never the password hash, only whether there is one. */
export function userJson(u: UserSummary): UserJson {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    timeZone: u.timeZone,
    role: u.role,
    hasPassword: u.hasPassword,
    slackUserId: u.slackUserId,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}
