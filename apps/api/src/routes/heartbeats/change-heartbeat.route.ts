import { updateHeartbeatBody, type UpdatedHeartbeatJson } from '@heinrich/contracts/heartbeats';
import { deleteHeartbeat } from '@heinrich/usecases/heartbeats/delete-heartbeat';
import { setHeartbeatPaused } from '@heinrich/usecases/heartbeats/pause-heartbeat';
import { rotateHeartbeatToken } from '@heinrich/usecases/heartbeats/rotate-heartbeat-token';
import { updateHeartbeat } from '@heinrich/usecases/heartbeats/update-heartbeat';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse, parseId } from '../../http/parse';
import { createdHeartbeatJson, heartbeatJson } from './heartbeat-json';

/** PATCH /api/v1/heartbeats/{id} — the fields given change; 200 with the heartbeat and `warnings` (Watchdog keys re-sending too rarely). */
export function updateHeartbeatRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const id = parseId(req.params.id, 'Heartbeat');
    const patch = parse(updateHeartbeatBody, req.body ?? {});
    const { heartbeat, warnings } = await updateHeartbeat(deps.ctx, principalOf(res), id, patch);
    res.json({ ...heartbeatJson(heartbeat, deps.config.publicUrl, deps.ctx.now()), warnings } satisfies UpdatedHeartbeatJson);
  };
}

/** POST /api/v1/heartbeats/{id}/pause and /resume — 200 with the heartbeat (also when nothing changed). */
export function pauseHeartbeatRoute(deps: AppDeps, paused: boolean): RequestHandler {
  return async (req, res) => {
    const hb = await setHeartbeatPaused(deps.ctx, principalOf(res), parseId(req.params.id, 'Heartbeat'), paused);
    res.json(heartbeatJson(hb, deps.config.publicUrl, deps.ctx.now()));
  };
}

/** POST /api/v1/heartbeats/{id}/rotate-token — 201 with the new token and URL, shown this once. */
export function rotateHeartbeatTokenRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const { heartbeat, token } = await rotateHeartbeatToken(deps.ctx, principalOf(res), parseId(req.params.id, 'Heartbeat'));
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json(createdHeartbeatJson(heartbeat, token, deps.config.publicUrl, deps.ctx.now()));
  };
}

/** DELETE /api/v1/heartbeats/{id} — 204. */
export function deleteHeartbeatRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    await deleteHeartbeat(deps.ctx, principalOf(res), parseId(req.params.id, 'Heartbeat'));
    res.status(204).end();
  };
}
