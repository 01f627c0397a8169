import { incidentListQuery } from '@heinrich/contracts/incidents';
import { listIncidents } from '@heinrich/usecases/incidents/list-incidents';
import { mineFilters } from '@heinrich/usecases/incidents/mine-filters';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse } from '../../http/parse';
import { incidentJson } from './incident-json';

/**
 * GET /api/v1/incidents?status&serviceId&teamId&since&stormId&probe&q&sort&assigned&teams&limit&cursor — newest first
 * (or by severity); the probe's incidents only with `probe`.
 */
export function listIncidentsRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const { assigned, teams, teamId, ...query } = parse(incidentListQuery, req.query, 'Query');
    const page = await listIncidents(deps.ctx, { ...query, ...mineFilters(principalOf(res), { assigned, teams, teamId }) });
    res.json({ items: page.items.map(incidentJson), nextCursor: page.nextCursor });
  };
}
