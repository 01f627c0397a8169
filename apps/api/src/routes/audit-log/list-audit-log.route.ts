import { auditLogQuery, type AuditEntryJson } from '@heinrich/contracts/audit-log';
import { listAuditLog } from '@heinrich/usecases/audit/list-audit-log';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse } from '../../http/parse';

/** GET /api/v1/audit-log?entityType&entityId&actor&since&until&limit&cursor — newest first (admins). */
export function listAuditLogRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const query = parse(auditLogQuery, req.query, 'Query');
    const page = await listAuditLog(deps.ctx, principalOf(res), query);
    res.json({
      items: page.items.map(
        (e): AuditEntryJson => ({
          id: e.id,
          createdAt: e.createdAt.toISOString(),
          actor: e.actor,
          actorDisplay: e.actorDisplay,
          credential: e.credential,
          actorName: e.actorName,
          entityName: e.entityName,
          names: e.names,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          before: e.before,
          after: e.after,
        }),
      ),
      nextCursor: page.nextCursor,
    });
  };
}
