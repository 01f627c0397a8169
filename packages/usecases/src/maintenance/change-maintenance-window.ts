import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { maintenanceCoverageAt } from '@heinrich/core/maintenance/maintenance-occurrences';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { listHeldIncidents, setHeldUntil } from '@heinrich/db/maintenance/maintenance-hold';
import type { MaintenanceWindowRow } from '@heinrich/db/maintenance/maintenance-window-row';
import { deleteMaintenanceWindow as removeWindow, findMaintenanceWindow, updateMaintenanceWindow as writeWindow } from '@heinrich/db/maintenance/write-maintenance-window';
import { withTransaction, type Tx } from '@heinrich/db/with-transaction';
import type { Context } from '../context';
import { throwIfInvalid } from '../schedules/invalid-request';
import { authorizeMaintenanceWindow } from './authorize-maintenance-window';
import { notFound } from './create-maintenance-window';
import { maintenanceWindowSnapshot, maintenanceWindowSpec } from './maintenance-window-spec';
import { planWindowAnnouncements } from './plan-maintenance-announcements';

export interface MaintenanceWindowPatch {
  /** a new end: later extends the window, now or earlier ends it now; null (recurring windows only): recur for ever */
  end?: string | null | undefined;
  reason?: string | undefined;
  /** announce its starts and ends in Slack (docs/maintenance-windows.md "Slack announcements") */
  announce?: boolean | undefined;
}

/**
 * PATCH: a new `end` (now or past: ends it now; a time before its start ends
 * it at its start, so nothing it held is left waiting) and/or `reason`. The
 * incidents it holds move with it: their hold ends at the new end of their
 * stretch, so ending a window releases them to the worker's release pass
 * within its interval. Under the window's row lock, which deciding a hold
 * shares: an incident being held as it ends is held with the new end.
 */
export async function updateMaintenanceWindow(ctx: Context, principal: Principal, id: string, patch: MaintenanceWindowPatch): Promise<MaintenanceWindowRow> {
  const now = ctx.now();
  return manage(ctx, principal, id, 'update', async (tx, before) => {
    let endsAt: Date | null | undefined;
    if (patch.end === null) {
      throwIfInvalid(before.recurrence ? [] : [{ path: 'end', message: 'is required for a window without a recurrence' }]);
      endsAt = null;
    } else if (patch.end !== undefined) {
      endsAt = new Date(Math.max(new Date(patch.end).getTime(), now.getTime(), before.startsAt.getTime()));
    }
    const after = await writeWindow(
      tx,
      id,
      { ...(endsAt !== undefined ? { endsAt } : {}), ...(patch.reason !== undefined ? { reason: patch.reason } : {}), ...(patch.announce !== undefined ? { announce: patch.announce } : {}) },
      now,
    );
    if (endsAt !== undefined) await retimeHeld(tx, after, now);
    return after;
  });
}

/** POST /{id}/end: ends the window now (its held incidents that still fire page within the release pass's interval). */
export async function endMaintenanceWindow(ctx: Context, principal: Principal, id: string): Promise<MaintenanceWindowRow> {
  const now = ctx.now();
  return manage(ctx, principal, id, 'end', async (tx, before) => {
    if (before.endsAt && before.endsAt.getTime() <= now.getTime()) return before; // already over: nothing changes
    const endsAt = new Date(Math.max(now.getTime(), before.startsAt.getTime()));
    const after = await writeWindow(tx, id, { endsAt }, now);
    await retimeHeld(tx, after, now);
    return after;
  });
}

/**
 * DELETE: the window goes; what it still held is released first (its hold
 * ends now), so nothing stays quiet for ever. Deleted while in force, its end
 * is announced (written here: no pass sees a deleted window).
 */
export async function deleteMaintenanceWindow(ctx: Context, principal: Principal, id: string): Promise<void> {
  const now = ctx.now();
  await manage(ctx, principal, id, 'delete', async (tx, before) => {
    const coverage = before.announce ? maintenanceCoverageAt(maintenanceWindowSpec(before), now.getTime()) : null;
    if (coverage) {
      await planWindowAnnouncements(tx, before, [{ kind: 'ended', occurrenceStart: coverage.start, at: now.getTime(), until: now.getTime() }], now, { deleted: true });
    }
    const held = await listHeldIncidents(tx, id);
    await setHeldUntil(tx, held.map((h) => ({ id: h.id, until: h.until.getTime() < now.getTime() ? h.until : now })));
    await removeWindow(tx, id);
    return null;
  });
}

/** Each still-held incident's hold ends where its stretch now ends (at the latest now, when the window no longer covers its opening). */
async function retimeHeld(tx: Tx, w: MaintenanceWindowRow, now: Date): Promise<void> {
  const spec = maintenanceWindowSpec(w);
  const held = await listHeldIncidents(tx, w.id);
  await setHeldUntil(
    tx,
    held.map((h) => {
      const coverage = maintenanceCoverageAt(spec, h.createdAt.getTime());
      return { id: h.id, until: new Date(coverage && coverage.end > now.getTime() ? coverage.end : now.getTime()) };
    }),
  );
}

async function manage(
  ctx: Context,
  principal: Principal,
  id: string,
  verb: 'update' | 'end' | 'delete',
  change: (tx: Tx, before: MaintenanceWindowRow) => Promise<MaintenanceWindowRow | null>,
): Promise<MaintenanceWindowRow> {
  return withTransaction(ctx.db, async (tx) => {
    const before = await findMaintenanceWindow(tx, id, { lock: 'update' });
    if (!before) throw notFound(id);
    await authorizeMaintenanceWindow(tx, principal, before);
    const after = await change(tx, before);
    const changed = after === null || after !== before;
    if (changed) {
      await insertAuditEntry(tx, auditActorOf(principal), {
        action: `maintenance_window.${verb}`,
        entityType: 'maintenance_window',
        entityId: id,
        before: maintenanceWindowSnapshot(before),
        after: after ? maintenanceWindowSnapshot(after) : null,
      });
    }
    return after ?? before;
  });
}
