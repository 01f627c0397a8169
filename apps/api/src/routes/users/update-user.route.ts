import { updateUserBody } from '@heinrich/contracts/users';
import { updateUser } from '@heinrich/usecases/users/update-user';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse, parseId } from '../../http/parse';
import { userJson } from './user-json';

/** PATCH /api/v1/users/{id} — admins; a user their own name and timeZone. 200 with the user. */
export function updateUserRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const id = parseId(req.params.id, 'User');
    const changes = parse(updateUserBody, req.body ?? {});
    res.json(userJson(await updateUser(deps.ctx, principalOf(res), id, changes)));
  };
}
