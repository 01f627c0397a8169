import { createHeartbeatBody } from '@heinrich/contracts/heartbeats';
import { createHeartbeat } from '@heinrich/usecases/heartbeats/create-heartbeat';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse } from '../../http/parse';
import { createdHeartbeatJson } from './heartbeat-json';

/** POST /api/v1/heartbeats — 201 with the secret token and ping URL, shown this once. */
export function createHeartbeatRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const body = parse(createHeartbeatBody, req.body);
    const { heartbeat, token } = await createHeartbeat(deps.ctx, principalOf(res), body);
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json(createdHeartbeatJson(heartbeat, token, deps.config.publicUrl, deps.ctx.now()));
  };
}
