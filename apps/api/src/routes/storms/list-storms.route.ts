import { stormListQuery } from '@heinrich/contracts/storms';
import { listStorms } from '@heinrich/usecases/storms/list-storms';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse } from '../../http/parse';
import { stormJson } from './storm-json';

/** GET /api/v1/storms?serviceId&active&limit&cursor — newest first. */
export function listStormsRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const query = parse(stormListQuery, req.query, 'Query');
    const page = await listStorms(deps.ctx, query);
    res.json({ items: page.items.map(stormJson), nextCursor: page.nextCursor });
  };
}
