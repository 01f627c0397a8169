import { createUserBody } from '@heinrich/contracts/users';
import { createUser } from '@heinrich/usecases/users/create-user';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse } from '../../http/parse';
import { userJson } from './user-json';

/** POST /api/v1/users — 201 with the user (admins). */
export function createUserRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const body = parse(createUserBody, req.body);
    const user = await createUser(deps.ctx, principalOf(res), body);
    res.status(201).location(`/api/v1/users/${user.id}`).json(userJson(user));
  };
}
