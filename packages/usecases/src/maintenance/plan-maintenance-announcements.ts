import { ANNOUNCE_LOOKBACK_MS, dueMaintenanceAnnouncements, type DueAnnouncement } from '@heinrich/core/maintenance/due-maintenance-announcements';
import {
  announcedMoments,
  countStillFiringHeld,
  insertMaintenanceAnnouncements,
  listServiceSlackChannels,
  selectAnnouncingWindows,
  type NewMaintenanceAnnouncement,
} from '@heinrich/db/maintenance/maintenance-announcements';
import type { MaintenanceWindowRow } from '@heinrich/db/maintenance/maintenance-window-row';
import type { Queryable } from '@heinrich/db/queryable';
import type { Context } from '../context';
import { maintenanceWindowSpec } from './maintenance-window-spec';

/**
 * The planning half of the Slack announcements (docs/maintenance-windows.md
 * "Slack announcements"; the Slack sync's pass runs it, then posts): for each
 * window with `announce` on, the starts and ends of its stretches that passed
 * in the last 15 minutes (core dueMaintenanceAnnouncements) get one row per
 * Slack channel of the services' policies, with what the message says as it
 * was at that moment (for an end: how many incidents it held still fire).
 * Rows are UNIQUE per (window, stretch start, kind, channel) and written
 * with ON CONFLICT DO NOTHING: two workers, or a pass repeated, plan each
 * once. Returns how many rows were new.
 */
export async function planMaintenanceAnnouncements(ctx: Pick<Context, 'db' | 'now'>, opts: { lookbackMs?: number } = {}): Promise<number> {
  const now = ctx.now();
  const lookbackMs = opts.lookbackMs ?? ANNOUNCE_LOOKBACK_MS;
  let planned = 0;
  for (const w of await selectAnnouncingWindows(ctx.db.pool, now, lookbackMs)) {
    const due = dueMaintenanceAnnouncements(maintenanceWindowSpec(w), w.createdAt.getTime(), now.getTime(), lookbackMs);
    if (due.length > 0) planned += await planWindowAnnouncements(ctx.db.pool, w, due, now);
  }
  return planned;
}

/**
 * Writes the announcements of these moments of one window that are not
 * written yet, one per channel (the services sharing a channel share its
 * message, and its count of incidents still firing is theirs). Also used by deleting a window in force: its end, flagged
 * `deleted`, is written in the deleting transaction (the window is gone
 * before any pass could see its end).
 */
export async function planWindowAnnouncements(
  q: Queryable,
  w: MaintenanceWindowRow,
  due: readonly DueAnnouncement[],
  now: Date,
  extra: { deleted?: boolean } = {},
): Promise<number> {
  const done = await announcedMoments(q, w.id);
  const todo = due.filter((d) => !done.has(`${d.occurrenceStart}:${d.kind}`));
  if (todo.length === 0) return 0;
  const channels = new Map<string, { id: string; name: string }[]>();
  for (const c of await listServiceSlackChannels(q, w.serviceIds)) channels.set(c.channel, [...(channels.get(c.channel) ?? []), { id: c.serviceId, name: c.serviceName }]);
  if (channels.size === 0) return 0;
  const rows: NewMaintenanceAnnouncement[] = [];
  for (const d of todo) {
    const firing = d.kind === 'ended' ? await countStillFiringHeld(q, w.id, new Date(d.occurrenceStart), new Date(d.at)) : undefined;
    for (const [channel, services] of channels) {
      // a channel hears about its own services' incidents
      const stillFiring = firing ? services.reduce((n, s) => n + (firing.get(s.id) ?? 0), 0) : undefined;
      rows.push({
        windowId: w.id,
        occurrenceStart: new Date(d.occurrenceStart),
        kind: d.kind,
        channel,
        dueAt: new Date(d.at),
        data: {
          windowId: w.id,
          reason: w.reason,
          services: [...new Set(services.map((s) => s.name))],
          until: d.until === null ? null : new Date(d.until).toISOString(),
          timeZone: w.recurrence?.timeZone ?? null,
          matchers: w.matchers,
          ...(stillFiring !== undefined ? { stillFiring } : {}),
          ...(extra.deleted ? { deleted: true } : {}),
        },
      });
    }
  }
  return insertMaintenanceAnnouncements(q, rows, now);
}
