import { flapEndedQuietly, isFlapQuiet } from '@heinrich/core/noise/decide-flapping';
import { noiseSettingsOf } from '@heinrich/core/noise/noise-settings';
import { endFlapQuietly, listFlappingQuietGroups } from '@heinrich/db/flapping/quiet-flaps';
import { recordEvents } from '@heinrich/db/incidents/record-events';
import { resolveQuietIncidents } from '@heinrich/db/ingest/resolve-quiet-incidents';
import { withTransaction } from '@heinrich/db/with-transaction';
import type { Context } from '../context';
import { ingestLocks } from '../ingest/ingest-locks';

/**
 * The flap end pass (a worker pass runner, docs/noise.md "Flapping"): a
 * flapping group whose alerts have all stayed resolved for its
 * `flapping.windowSeconds` stops flapping, and its incident (held open while it
 * flapped) resolves, with a `flapping_ended` entry. Each group in its own
 * transaction holding the group's ingest lock, so an alert of the group being
 * ingested either fires before (the group is not quiet: nothing happens) or
 * after (it then re-opens the incident); two workers running the pass at once
 * re-check under the lock and the second finds nothing to do.
 */
export async function endQuietFlaps(ctx: Context, now: Date = ctx.now()): Promise<{ flapping: number; ended: number }> {
  const candidates = await listFlappingQuietGroups(ctx.db.pool);
  let ended = 0;
  for (const group of candidates) {
    const settings = noiseSettingsOf(group.noise).flapping;
    if (!isFlapQuiet(settings, group.state, now)) continue;
    const outboxIds = await withTransaction(
      ctx.db.pool,
      async (client) => {
        const [current] = await listFlappingQuietGroups(client, group);
        if (!current || !isFlapQuiet(settings, current.state, now)) return null;
        await endFlapQuietly(client, group.serviceId, group.keyHash, now);
        const incidentId = current.state.incidentId;
        const resolved = incidentId ? await resolveQuietIncidents(client, [incidentId], 'system') : [];
        if (!incidentId || resolved.length === 0) return [];
        return recordEvents(client, [
          { incidentId, actor: 'system', via: null, ...flapEndedQuietly(settings, current.state.flapChanges) },
          {
            incidentId,
            actor: 'system',
            via: null,
            type: 'resolved',
            message: `Incident #${resolved[0]!.number} resolved: its alerts stayed resolved for the flap window`,
            topic: 'incident.resolved',
          },
        ]);
      },
      { locks: ingestLocks([{ serviceId: group.serviceId, keyHash: group.keyHash }]) },
    );
    if (outboxIds === null) continue;
    ended++;
    await ctx.publisher.publish(outboxIds);
  }
  return { flapping: candidates.length, ended };
}
