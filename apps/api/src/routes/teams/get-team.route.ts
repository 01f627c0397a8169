import { getTeam } from '@heinrich/usecases/teams/get-team';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parseId } from '../../http/parse';
import { teamJson } from './team-json';

/** GET /api/v1/teams/{id} */
export function getTeamRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    res.json(teamJson(await getTeam(deps.ctx, parseId(req.params.id, 'Team'))));
  };
}
