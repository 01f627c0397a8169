import { isStormQuiet } from '@heinrich/core/noise/decide-storm';
import { noiseSettingsOf } from '@heinrich/core/noise/noise-settings';
import { lockServiceStorms } from '@heinrich/db/storms/load-storm-input';
import { listActiveStorms } from '@heinrich/db/storms/write-storm';
import { withTransaction } from '@heinrich/db/with-transaction';
import type { Context } from '../context';
import { closeStorm } from './close-storm';

/**
 * The storm end pass (a worker pass runner): every active storm whose service
 * has opened no incident for its `storm.quietSeconds` ends, with a timeline
 * entry with its totals. Each storm in its own transaction under its service's
 * storm lock, so an incident being decided for that service either joins the
 * storm before it ends or is decided after. Nothing to do without active storms: one query.
 */
export async function endQuietStorms(ctx: Context, now: Date = ctx.now()): Promise<{ active: number; ended: number }> {
  const active = await listActiveStorms(ctx.db.pool);
  let ended = 0;
  for (const storm of active) {
    const settings = noiseSettingsOf(storm.noise).storm;
    if (!isStormQuiet(settings, storm.lastIncidentAt, now)) continue;
    const done = await withTransaction(ctx.db.pool, async (client) => {
      await lockServiceStorms(client, storm.serviceId);
      // re-read under the lock: an incident may have joined since
      const current = (await listActiveStorms(client)).find((s) => s.id === storm.id);
      if (!current || !isStormQuiet(settings, current.lastIncidentAt, now)) return false;
      return closeStorm(client, storm.id, settings.quietSeconds, now);
    });
    if (done) ended++;
  }
  return { active: active.length, ended };
}
