import { selectIncidents, type IncidentRecord } from '@heinrich/db/incidents/select-incidents';
import type { IncidentStatus } from '@heinrich/db/incidents/transition-incident';
import type { InsightLevel } from '@heinrich/core/insights/classify-incident';
import type { Context } from '../context';
import { listInsightIncidentIds } from '../insights/list-insight-incident-ids';
import { parseIncidentSearch } from '@heinrich/core/incidents/parse-incident-search';
import { decodeIncidentCursor, encodeIncidentCursor } from './incident-list-cursor';

export interface IncidentFilter {
  limit: number;
  cursor?: string;
  status?: IncidentStatus[];
  serviceId?: string;
  /** created at or after (RFC 3339) */
  since?: string;
  /** the incidents of one storm */
  stormId?: string;
  /** alert-rule suppressed incidents only (true: the near misses), or the others (false) */
  suppressed?: boolean;
  /** the synthetic probe's incidents: left out unless `include` or `only` (docs/monitoring.md "Synthetic probe") */
  probe?: 'exclude' | 'include' | 'only';
  /** i23: the incidents behind one level of the insights pyramid, opened in [from, to) (docs/insights.md) */
  insight?: InsightLevel;
  from?: string;
  to?: string;
  /** search: words (title, group label values, #number) and key=value labels (core parseIncidentSearch) */
  q?: string;
  sort?: 'newest' | 'severity';
  /** the open incidents on this user now (paged in the current escalation run, or holding the ack) */
  onUserId?: string;
  /** incidents of these teams' services (all given must hold: the intersection) */
  teamIds?: string[];
}

/** Incidents newest first, `limit` at a time; nextCursor is null on the last page. The probe's are left out unless asked for. */
export async function listIncidents(
  ctx: Context,
  filter: IncidentFilter,
): Promise<{ items: IncidentRecord[]; nextCursor: string | null }> {
  const sort = filter.sort ?? 'newest';
  const before = decodeIncidentCursor(filter.cursor, sort);
  const search = parseIncidentSearch(filter.q);
  const ids = filter.insight
    ? await listInsightIncidentIds(ctx, filter.insight, { ...(filter.from ? { from: filter.from } : {}), ...(filter.to ? { to: filter.to } : {}), ...(filter.serviceId ? { serviceId: filter.serviceId } : {}) })
    : undefined;
  const rows = await selectIncidents(ctx.db.pool, {
    ...(ids ? { ids } : {}),
    ...(filter.status ? { statuses: filter.status } : {}),
    ...(filter.serviceId ? { serviceId: filter.serviceId } : {}),
    ...(filter.since ? { since: filter.since } : {}),
    ...(filter.stormId ? { stormId: filter.stormId } : {}),
    ...(filter.suppressed !== undefined ? { suppressed: filter.suppressed } : {}),
    ...(before ? { before } : {}),
    ...(filter.probe === 'include' ? {} : { probe: filter.probe ?? 'exclude' }),
    sort,
    words: search.words,
    labels: search.labels,
    ...(filter.onUserId ? { onUserId: filter.onUserId } : {}),
    ...(filter.teamIds ? { teamIds: filter.teamIds } : {}),
    // one more than asked: whether it comes back says if there is a next page
    limit: filter.limit + 1,
  });
  const items = rows.slice(0, filter.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > filter.limit && last ? encodeIncidentCursor(last.position, sort) : null };
}
