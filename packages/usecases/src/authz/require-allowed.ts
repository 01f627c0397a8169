import { AppError } from '@heinrich/core/app-error';
import { authorize, type AuthzAction, type AuthzResources } from '@heinrich/core/authz/authorize';
import type { Principal } from '@heinrich/core/authz/principal';

/** `authorize`, as a use case needs it: a denial is a 403 carrying the reason. */
export function requireAllowed<A extends AuthzAction>(principal: Principal, action: A, resource: AuthzResources[A]): void {
  const decision = authorize(principal, action, resource);
  if (!decision.allowed) throw new AppError('forbidden', decision.reason);
}
