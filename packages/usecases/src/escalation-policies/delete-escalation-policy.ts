import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { deleteEscalationPolicyById } from '@heinrich/db/escalation-policies/delete-escalation-policy-by-id';
import { lockRow } from '@heinrich/db/lock-row';
import { listServiceNamesUsingPolicy } from '@heinrich/db/services/list-service-names-using-policy';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { findPolicyOwner } from './find-policy-owner';
import { policySnapshot } from './policy-record';

/**
 * Deletes a policy no service uses (409 naming the services otherwise: a
 * service silently left without a policy would page nobody). Escalations under
 * way keep running on their snapshot.
 */
export async function deleteEscalationPolicy(ctx: Context, principal: Principal, id: string): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    if (!(await lockRow(tx, 'escalation_policies', id))) throw AppError.notFound('Escalation policy', id);
    const owner = await findPolicyOwner(tx, id);
    requireAllowed(principal, 'escalation_policy.delete', owner);
    const services = await listServiceNamesUsingPolicy(tx, id, 11);
    if (services.length > 0) {
      const names = services.slice(0, 10).join(', ') + (services.length > 10 ? ', ...' : '');
      throw new AppError('conflict', `Cannot delete escalation policy ${owner.policy}: services use it (${names}); point them at another policy first`);
    }
    const before = await deleteEscalationPolicyById(tx, id);
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'escalation_policy.delete',
      entityType: 'escalation_policy',
      entityId: id,
      before: policySnapshot(before),
      after: null,
    });
  });
}
