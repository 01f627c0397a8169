import { changePasswordBody } from '@heinrich/contracts/auth';
import { changePassword } from '@heinrich/usecases/auth/change-password';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse } from '../../http/parse';

/** POST /api/v1/auth/change-password {currentPassword, newPassword} — 204; the user's other sessions end. */
export function changePasswordRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    await changePassword(deps.ctx, principalOf(res), parse(changePasswordBody, req.body));
    res.status(204).end();
  };
}
