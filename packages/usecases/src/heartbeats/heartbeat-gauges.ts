import { heartbeatGaugeSamples, type HeartbeatGaugeSamples } from '@heinrich/core/heartbeats/heartbeat-gauges';
import { selectHeartbeatGauges } from '@heinrich/db/heartbeats/select-heartbeat-gauges';
import type { Context } from '../context';

/** The heartbeat gauges of /metrics, from Postgres as of now (right on any replica). */
export async function heartbeatGauges(ctx: Pick<Context, 'db' | 'now'>): Promise<HeartbeatGaugeSamples> {
  return heartbeatGaugeSamples(await selectHeartbeatGauges(ctx.db.pool), ctx.now());
}
