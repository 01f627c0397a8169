import { heartbeatListQuery } from '@heinrich/contracts/heartbeats';
import { getHeartbeat, listHeartbeats } from '@heinrich/usecases/heartbeats/list-heartbeats';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse, parseId } from '../../http/parse';
import { heartbeatJson } from './heartbeat-json';

/** GET /api/v1/heartbeats?serviceId — every heartbeat (a handful per service: one page), URLs masked. */
export function listHeartbeatsRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const query = parse(heartbeatListQuery, req.query, 'Query');
    const rows = await listHeartbeats(deps.ctx, { serviceId: query.serviceId });
    const now = deps.ctx.now();
    res.json({ items: rows.map((h) => heartbeatJson(h, deps.config.publicUrl, now)), nextCursor: null });
  };
}

/** GET /api/v1/heartbeats/{id} */
export function getHeartbeatRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const hb = await getHeartbeat(deps.ctx, parseId(req.params.id, 'Heartbeat'));
    res.json(heartbeatJson(hb, deps.config.publicUrl, deps.ctx.now()));
  };
}
