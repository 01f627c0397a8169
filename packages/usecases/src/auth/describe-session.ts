import type { Context } from '../context';
import { authenticateSession } from './authenticate-session';
import type { NewSession } from './create-session';
import { describePrincipal, type PrincipalDescription } from './describe-principal';

/** The new session's principal, described as GET /auth/me would. */
export async function describeSession(ctx: Context, session: NewSession): Promise<PrincipalDescription> {
  const principal = await authenticateSession(ctx, session.token);
  if (!principal) throw new Error(`session ${session.sessionId} was not found right after it was created`);
  return describePrincipal(ctx, principal);
}
