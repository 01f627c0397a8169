import { getUser } from '@heinrich/usecases/users/get-user';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parseId } from '../../http/parse';
import { userJson } from './user-json';

/** GET /api/v1/users/{id} */
export function getUserRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    res.json(userJson(await getUser(deps.ctx, parseId(req.params.id, 'User'))));
  };
}
