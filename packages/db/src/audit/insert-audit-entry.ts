import type { AuditActor } from '@heinrich/core/authz/principal';
import { Prisma } from '../generated/prisma/client';
import { prismaOf } from '../queryable';
import type { Tx } from '../with-transaction';

export type AuditEntityType = 'service' | 'integration_key' | 'user' | 'team' | 'api_key' | 'schedule' | 'schedule_override' | 'calendar_feed' | 'escalation_policy' | 'contact_method' | 'notification_rule' | 'heartbeat' | 'storm' | 'maintenance_window' | 'routing_integration' | 'incident';

/** A JSON value as the audit log stores it. */
export type AuditJson = string | number | boolean | { readonly [key: string]: AuditJson | null } | readonly (AuditJson | null)[];

export interface AuditChange {
  /** `<entity type>.<verb>`: service.update, team.create, api_key.revoke, ... */
  action: string;
  entityType: AuditEntityType;
  entityId: string;
  /** the entity as it was (null when created) and as it is (null when deleted); never secrets or password hashes */
  before: AuditJson | null;
  after: AuditJson | null;
}

/**
 * Records a configuration change in the audit log. Call it inside the
 * transaction that makes the change, so the log holds exactly the changes
 * that committed: one entry each.
 */
export async function insertAuditEntry(tx: Tx, actor: AuditActor, change: AuditChange): Promise<void> {
  await prismaOf(tx).auditLogEntry.create({
    data: {
      actor: actor.id,
      actorDisplay: actor.display,
      credential: actor.credential,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      // SQL NULL (not a JSON null) for "no entity"
      before: (change.before as Prisma.InputJsonValue | null) ?? Prisma.DbNull,
      after: (change.after as Prisma.InputJsonValue | null) ?? Prisma.DbNull,
    },
  });
}
