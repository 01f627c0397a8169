import { listEscalationPoliciesByIds } from '@heinrich/db/escalation-policies/list-escalation-policies-by-ids';
import { pageIds } from '@heinrich/db/page-ids';
import type { Context } from '../context';
import { decodeListCursor, encodeListCursor } from '../services/list-cursor';
import type { EscalationPolicyRecord } from './policy-record';

/** Policies in creation order, `limit` at a time; nextCursor is null on the last page. */
export async function listEscalationPolicies(
  ctx: Context,
  query: { limit: number; cursor?: string },
): Promise<{ items: EscalationPolicyRecord[]; nextCursor: string | null }> {
  const after = decodeListCursor(query.cursor);
  const page = await pageIds(ctx.db.pool, 'escalation_policies', { limit: query.limit, ...(after ? { after } : {}) });
  const rows = await listEscalationPoliciesByIds(ctx.db.pool, page.ids);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = page.ids.flatMap((id) => byId.get(id) ?? []);
  return { items, nextCursor: page.next ? encodeListCursor(page.next) : null };
}
