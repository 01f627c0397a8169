import { listQuery } from '@heinrich/contracts/primitives';
import { listUsers } from '@heinrich/usecases/users/list-users';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse } from '../../http/parse';
import { userJson } from './user-json';

/** GET /api/v1/users?limit&cursor — oldest first. */
export function listUsersRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const page = await listUsers(deps.ctx, parse(listQuery, req.query, 'Query'));
    res.json({ items: page.items.map(userJson), nextCursor: page.nextCursor });
  };
}
