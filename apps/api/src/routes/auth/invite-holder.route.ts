import { inviteHolderBody, type InviteHolderJson } from '@heinrich/contracts/auth';
import { findInviteHolder } from '@heinrich/usecases/auth/find-invite-holder';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse } from '../../http/parse';

/** POST /api/v1/auth/invite-holder {token} — the name and email of a valid invite's user; 404 otherwise. */
export function inviteHolderRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const body = parse(inviteHolderBody, req.body);
    const holder = await findInviteHolder(deps.ctx, body.token);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ name: holder.name, email: holder.email, expiresAt: holder.expiresAt.toISOString() } satisfies InviteHolderJson);
  };
}
