import { incidentListQuery } from '@heinrich/contracts/incidents';
import { listIncidents } from '@heinrich/usecases/incidents/list-incidents';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse } from '../../http/parse';
import { incidentJson } from './incident-json';

/** GET /api/v1/incidents?status&serviceId&since&stormId&probe&limit&cursor — newest first; the probe's incidents only with `probe`. */
export function listIncidentsRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const query = parse(incidentListQuery, req.query, 'Query');
    const page = await listIncidents(deps.ctx, query);
    res.json({ items: page.items.map(incidentJson), nextCursor: page.nextCursor });
  };
}
