import { acceptInviteBody } from '@heinrich/contracts/auth';
import { acceptInvite } from '@heinrich/usecases/auth/accept-invite';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse } from '../../http/parse';
import { setSessionCookie } from '../../http/session-cookie';
import { meJson } from './me-json';

/** POST /api/v1/auth/accept-invite {token, password} — sets the password, uses the invite up, signs in: 200 as sign-in. */
export function acceptInviteRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const body = parse(acceptInviteBody, req.body);
    const { session, me } = await acceptInvite(deps.ctx, body);
    setSessionCookie(res, deps.config.publicUrl, session);
    res.setHeader('Cache-Control', 'no-store');
    res.json(meJson(me));
  };
}
