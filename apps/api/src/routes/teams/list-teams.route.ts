import { listQuery } from '@heinrich/contracts/primitives';
import { listTeams } from '@heinrich/usecases/teams/list-teams';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse } from '../../http/parse';
import { teamJson } from './team-json';

/** GET /api/v1/teams?limit&cursor — oldest first, with members. */
export function listTeamsRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const page = await listTeams(deps.ctx, parse(listQuery, req.query, 'Query'));
    res.json({ items: page.items.map(teamJson), nextCursor: page.nextCursor });
  };
}
