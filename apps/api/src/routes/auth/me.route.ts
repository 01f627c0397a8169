import { describePrincipal } from '@heinrich/usecases/auth/describe-principal';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { meJson } from './me-json';

/** GET /api/v1/auth/me — who the credential is: user or API key, role, teams. */
export function meRoute(deps: AppDeps): RequestHandler {
  return async (_req, res) => {
    res.json(meJson(await describePrincipal(deps.ctx, principalOf(res))));
  };
}
