import { authorize, type UserRef } from '@heinrich/core/authz/authorize';
import type { Principal } from '@heinrich/core/authz/principal';
import { findTeamsOnCallFor } from '@heinrich/db/contact-methods/find-teams-on-call-for';
import type { Context } from '../context';

/**
 * Whose contact values (webhook URLs, numbers, Slack ids) the caller may see,
 * among `users`: `contact_method.reveal` for each (themselves, admins, leads of
 * a team the person is on call for). Everyone else sees methods by type and a
 * masked value (maskContactValue).
 */
export async function revealableUsers(ctx: Pick<Context, 'db' | 'now'>, principal: Principal, users: readonly UserRef[]): Promise<Set<string>> {
  const onCall = principal.role === 'admin' ? new Map() : await findTeamsOnCallFor(ctx.db.pool, users.filter((u) => u.id !== principal.userId).map((u) => u.id), ctx.now());
  return new Set(users.filter((u) => authorize(principal, 'contact_method.reveal', { user: u, onCallFor: onCall.get(u.id) ?? [] }).allowed).map((u) => u.id));
}
