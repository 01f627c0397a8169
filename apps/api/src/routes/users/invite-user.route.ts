import type { InviteJson } from '@heinrich/contracts/users';
import { inviteUser } from '@heinrich/usecases/users/invite-user';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parseId } from '../../http/parse';

/**
 * POST /api/v1/users/{id}/invite — 201 with the one-time token and a link to
 * send (admins). The token is shown this once.
 */
export function inviteUserRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const userId = parseId(req.params.id, 'User');
    const { token, expiresAt } = await inviteUser(deps.ctx, principalOf(res), userId);
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json({
      userId,
      token,
      url: `${deps.config.publicUrl.replace(/\/+$/, '')}/accept-invite#token=${token}`,
      expiresAt: expiresAt.toISOString(),
    } satisfies InviteJson);
  };
}
