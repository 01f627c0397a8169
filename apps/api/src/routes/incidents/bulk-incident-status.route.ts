import { bulkIncidentStatusBody, type BulkIncidentStatusJson } from '@heinrich/contracts/incidents';
import { bulkSetIncidentStatus } from '@heinrich/usecases/incidents/bulk-set-incident-status';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse } from '../../http/parse';

/**
 * POST /api/v1/incidents/bulk-status {ids, status} — 200 with one result per id
 * (changed, unchanged, forbidden, not_found, conflict); a 403 (404) when the
 * caller may act on none of them.
 */
export function bulkIncidentStatusRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const body = parse(bulkIncidentStatusBody, req.body);
    const result = await bulkSetIncidentStatus(deps.ctx, principalOf(res), body.ids, body.status);
    const json: BulkIncidentStatusJson = { status: body.status, changed: result.changed, results: result.results };
    res.json(json);
  };
}
