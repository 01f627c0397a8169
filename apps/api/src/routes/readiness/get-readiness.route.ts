import { readinessQuery, type PagingReadinessJson } from '@heinrich/contracts/readiness';
import { configuredChannels } from '@heinrich/core/delivery/configured-channels';
import { getReadiness } from '@heinrich/usecases/readiness/get-readiness';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse } from '../../http/parse';

/** GET /api/v1/readiness?teamId= — the holes in the paging setup over the next 14 days (read only). */
export function getReadinessRoute(deps: AppDeps): RequestHandler {
  // a contact method is usable only where the worker has a sender for it (the api has the same credentials)
  const configured = configuredChannels(deps.config);
  return async (req, res) => {
    const query = parse(readinessQuery, req.query, 'Query');
    const report = await getReadiness(deps.ctx, { configured, ...(query.teamId ? { teamId: query.teamId } : {}) });
    res.json(report satisfies PagingReadinessJson);
  };
}
