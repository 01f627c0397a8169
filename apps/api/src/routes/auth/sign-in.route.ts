import { signInBody } from '@heinrich/contracts/auth';
import { signIn } from '@heinrich/usecases/auth/sign-in';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse } from '../../http/parse';
import { setSessionCookie } from '../../http/session-cookie';
import { meJson } from './me-json';

/**
 * POST /api/v1/auth/sign-in {email, password} — 200 with the caller (as
 * /auth/me) and the session cookie; 401 "Wrong email or password"; 429 with
 * Retry-After when throttled.
 */
export function signInRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const body = parse(signInBody, req.body);
    // req.ip: the client as TRUST_PROXY lets Express see it behind the ingress
    const { session, me } = await signIn(deps.ctx, { ...body, address: req.ip ?? 'unknown' });
    setSessionCookie(res, deps.config.publicUrl, session);
    res.setHeader('Cache-Control', 'no-store');
    res.json(meJson(me));
  };
}
