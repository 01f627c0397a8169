import { teamSettingsBody, type TeamSettingsJson } from '@heinrich/contracts/team-settings';
import { getTeamSettings, putTeamSettings, type TeamSettings } from '@heinrich/usecases/digests/team-settings';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse, parseId } from '../../http/parse';

const json = (s: TeamSettings): TeamSettingsJson => ({ timeZone: s.timeZone, digest: s.digest, updatedAt: s.updatedAt?.toISOString() ?? null });

/** GET /api/v1/teams/{id}/settings — the team's time zone and weekly digest (defaults when never set). */
export function getTeamSettingsRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    res.json(json(await getTeamSettings(deps.ctx, parseId(req.params.id, 'Team'))));
  };
}

/** PUT /api/v1/teams/{id}/settings — replaces them (leads of the team, admins). */
export function putTeamSettingsRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const id = parseId(req.params.id, 'Team');
    const body = parse(teamSettingsBody, req.body ?? {});
    res.json(json(await putTeamSettings(deps.ctx, principalOf(res), id, body)));
  };
}
