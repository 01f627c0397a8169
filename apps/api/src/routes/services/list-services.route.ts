import { listQuery } from '@heinrich/contracts/primitives';
import { listServices } from '@heinrich/usecases/services/list-services';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse } from '../../http/parse';
import { serviceJson } from './service-json';

/** GET /api/v1/services?limit&cursor — oldest first. */
export function listServicesRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const query = parse(listQuery, req.query, 'Query');
    const page = await listServices(deps.ctx, query);
    res.json({ items: page.items.map(serviceJson), nextCursor: page.nextCursor });
  };
}
