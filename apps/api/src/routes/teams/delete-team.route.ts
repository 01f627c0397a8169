import { deleteTeam } from '@heinrich/usecases/teams/delete-team';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parseId } from '../../http/parse';

/** DELETE /api/v1/teams/{id} — 204 (admins); its services stay, without a team. */
export function deleteTeamRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    await deleteTeam(deps.ctx, principalOf(res), parseId(req.params.id, 'Team'));
    res.status(204).end();
  };
}
