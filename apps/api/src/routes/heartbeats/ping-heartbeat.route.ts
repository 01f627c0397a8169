import type { HeartbeatPingJson } from '@heinrich/contracts/heartbeats';
import { pingHeartbeat } from '@heinrich/usecases/heartbeats/ping-heartbeat';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { credentialFrom } from '../../http/bearer-token';

/**
 * POST or GET /api/v1/heartbeats/{token}/ping (the token in the URL: 404 when
 * unknown or rotated), and POST /api/v1/integrations/heartbeat (the token as
 * Bearer: 401). No body is read; 200 once the ping is committed.
 */
export function pingHeartbeatRoute(deps: AppDeps, from: 'url' | 'bearer'): RequestHandler {
  return async (req, res) => {
    const param = req.params.token;
    const token = from === 'url' ? (typeof param === 'string' ? param : undefined) : credentialFrom(req);
    const { heartbeat } = await pingHeartbeat(deps.ctx, token, from === 'url' ? 'not_found' : 'unauthenticated');
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      status: heartbeat.status === 'paused' ? 'paused' : 'up',
      lastPingAt: heartbeat.lastPingAt!.toISOString(),
    } satisfies HeartbeatPingJson);
  };
}
