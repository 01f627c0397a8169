import { AppError } from '@heinrich/core/app-error';
import { BOOTSTRAP_PRINCIPAL, type Principal } from '@heinrich/core/authz/principal';
import { authenticateApiKey } from '@heinrich/usecases/api-keys/authenticate-api-key';
import { authenticateSession } from '@heinrich/usecases/auth/authenticate-session';
import type { Request, RequestHandler, Response } from 'express';
import type { AppDeps } from '../app-deps';
import { secretsEqual } from './bearer-token';
import { crossSiteProblem } from './cross-site';
import { readSessionCookie } from './session-cookie';

/**
 * Authentication of the admin API, the one place that decides who is calling:
 *
 * 1. `Authorization: Bearer <token>`: the bootstrap key (HEINRICH_ADMIN_API_KEY,
 *    compared in constant time; after a rotation of its file, the previous one too
 *    for SECRET_ROTATION_GRACE_SECONDS) or an API key (`hka_...`). A header that is
 *    neither is a 401, even with a valid cookie beside it.
 * 2. else the `heinrich_session` cookie: a live session, and for unsafe methods
 *    an Origin (or Referer) of PUBLIC_URL (CSRF).
 * 3. else 401.
 *
 * Sets `res.locals.principal` for the routes (principalOf).
 */
export function authenticate(deps: AppDeps): RequestHandler {
  const expectedOrigin = new URL(deps.config.publicUrl).origin;
  return async (req, res, next) => {
    const header = req.get('authorization');
    if (header !== undefined) {
      const token = bearerToken(header);
      const principal =
        token === undefined
          ? undefined
          : deps.config.credentials.accepted('HEINRICH_ADMIN_API_KEY').some((key) => secretsEqual(token, key))
            ? BOOTSTRAP_PRINCIPAL
            : await authenticateApiKey(deps.ctx, token);
      if (!principal) throw unauthenticated(res, 'Missing or invalid API key: send Authorization: Bearer <api key>');
      res.locals.principal = principal;
      next();
      return;
    }
    const sessionToken = readSessionCookie(req);
    if (sessionToken !== undefined) {
      const principal = await authenticateSession(deps.ctx, sessionToken);
      if (!principal) throw unauthenticated(res, 'Your session has expired or was signed out: sign in again');
      const problem = crossSiteProblem(requestOrigin(req), expectedOrigin, { requireHeader: true });
      if (problem) throw new AppError('forbidden', problem);
      res.locals.principal = principal;
      next();
      return;
    }
    throw unauthenticated(res, 'Not signed in: sign in (POST /api/v1/auth/sign-in) or send Authorization: Bearer <api key>');
  };
}

/**
 * For the routes that sign people in (no credential yet): a browser's request
 * from another site is refused (login CSRF); tools that send no Origin pass.
 */
export function refuseCrossSite(deps: AppDeps): RequestHandler {
  const expectedOrigin = new URL(deps.config.publicUrl).origin;
  return (req, _res, next) => {
    const problem = crossSiteProblem(requestOrigin(req), expectedOrigin, { requireHeader: false });
    if (problem) throw new AppError('forbidden', problem);
    next();
  };
}

/** Who is calling, as `authenticate` established it. */
export function principalOf(res: Response): Principal {
  return res.locals.principal as Principal;
}

function bearerToken(header: string): string | undefined {
  const match = /^bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

function requestOrigin(req: Request) {
  return { method: req.method, origin: req.get('origin'), referer: req.get('referer') };
}

function unauthenticated(res: Response, message: string): AppError {
  res.setHeader('WWW-Authenticate', 'Bearer realm="heinrich"');
  return new AppError('unauthenticated', message);
}
