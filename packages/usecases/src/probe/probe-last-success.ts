import { selectProbeLastSuccess } from '@heinrich/db/probe/probe-runs';
import type { Context } from '../context';

/** heinrich_probe_last_success_timestamp_seconds, from Postgres: the same on every replica; 0 before the first success. */
export function probeLastSuccess(ctx: Pick<Context, 'db'>): Promise<number> {
  return selectProbeLastSuccess(ctx.db.pool);
}
