import { explainPaging, type PersonExplanation } from '@heinrich/core/delivery/explain-paging';
import { listIncidentEvents } from '@heinrich/db/incidents/list-incident-events';
import type { IncidentRecord } from '@heinrich/db/incidents/select-incidents';
import type { Context } from '../context';
import { findIncident, type IncidentRef } from './find-incident';

/**
 * "Why was (or wasn't) X paged?" for an incident, from its recorded events:
 * everyone it paged, or the one person asked about (`userId`, who may not have
 * been paged at all).
 */
export async function explainIncident(ctx: Context, ref: IncidentRef, userId?: string): Promise<{ incident: IncidentRecord; people: PersonExplanation[] }> {
  const incident = await findIncident(ctx, ref);
  const events = await listIncidentEvents(ctx.db.pool, incident.id);
  const ids = userId
    ? [userId]
    : (await ctx.db.pool.query<{ userId: string }>(`SELECT DISTINCT user_id AS "userId" FROM notifications WHERE incident_id = $1`, [incident.id])).rows.map((r) => r.userId);
  const users = await ctx.db.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
  return { incident, people: explainPaging(events, users) };
}
