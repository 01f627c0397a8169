import { createTeamBody } from '@heinrich/contracts/teams';
import { createTeam } from '@heinrich/usecases/teams/create-team';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse } from '../../http/parse';
import { teamJson } from './team-json';

/** POST /api/v1/teams — 201 with the team (admins). */
export function createTeamRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const body = parse(createTeamBody, req.body);
    const team = await createTeam(deps.ctx, principalOf(res), body);
    res.status(201).location(`/api/v1/teams/${team.id}`).json(teamJson(team));
  };
}
