import { deleteUser } from '@heinrich/usecases/users/delete-user';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parseId } from '../../http/parse';

/** DELETE /api/v1/users/{id} — 204 (admins; not yourself). */
export function deleteUserRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    await deleteUser(deps.ctx, principalOf(res), parseId(req.params.id, 'User'));
    res.status(204).end();
  };
}
