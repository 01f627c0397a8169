import type { Principal } from '@heinrich/core/authz/principal';
import { selectAuditEntries } from '@heinrich/db/audit/select-audit-entries';
import { selectAuditNames } from '@heinrich/db/audit/select-audit-names';
import type { Context } from '../context';
import { requireAllowed } from '../authz/require-allowed';
import { idsOfEntry, nameEntries, type NamedAuditEntry } from './audit-names';
import { decodeListCursor, encodeListCursor } from '../services/list-cursor';

export interface AuditLogFilter {
  limit: number;
  cursor?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  since?: string;
  until?: string;
}

/**
 * Audit log entries newest first, filtered, `limit` at a time, each with the
 * names of the people and things it mentions; admins only.
 */
export async function listAuditLog(
  ctx: Context,
  principal: Principal,
  filter: AuditLogFilter,
): Promise<{ items: NamedAuditEntry[]; nextCursor: string | null }> {
  requireAllowed(principal, 'audit_log.read', {});
  const before = decodeListCursor(filter.cursor);
  const rows = await selectAuditEntries(ctx.db.pool, {
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.entityId ? { entityId: filter.entityId } : {}),
    ...(filter.actor ? { actor: filter.actor } : {}),
    ...(filter.since ? { since: filter.since } : {}),
    ...(filter.until ? { until: filter.until } : {}),
    ...(before ? { before } : {}),
    // one more than asked: whether it comes back says if there is a next page
    limit: filter.limit + 1,
  });
  const items = rows.slice(0, filter.limit);
  const last = items.at(-1);
  const names = await selectAuditNames(ctx.db.pool, items.flatMap((e) => [...idsOfEntry(e)]));
  return { items: nameEntries(items, names), nextCursor: rows.length > filter.limit && last ? encodeListCursor(last.position) : null };
}
