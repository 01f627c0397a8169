import { signOut } from '@heinrich/usecases/auth/sign-out';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { clearSessionCookie } from '../../http/session-cookie';

/** POST /api/v1/auth/sign-out — revokes the session (its cookie gets 401 from then on) and clears the cookie; 204. */
export function signOutRoute(deps: AppDeps): RequestHandler {
  return async (_req, res) => {
    await signOut(deps.ctx, principalOf(res));
    clearSessionCookie(res, deps.config.publicUrl);
    res.status(204).end();
  };
}
