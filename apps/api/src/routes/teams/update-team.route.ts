import { updateTeamBody } from '@heinrich/contracts/teams';
import { updateTeam } from '@heinrich/usecases/teams/update-team';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse, parseId } from '../../http/parse';
import { teamJson } from './team-json';

/** PATCH /api/v1/teams/{id} — name and/or the whole membership (leads of the team, admins). */
export function updateTeamRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const id = parseId(req.params.id, 'Team');
    const changes = parse(updateTeamBody, req.body ?? {});
    res.json(teamJson(await updateTeam(deps.ctx, principalOf(res), id, changes)));
  };
}
