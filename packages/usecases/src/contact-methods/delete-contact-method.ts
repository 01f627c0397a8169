import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { deleteContactMethodById } from '@heinrich/db/contact-methods/delete-contact-method-by-id';
import { findContactMethodRecord } from '@heinrich/db/contact-methods/find-contact-method-record';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { contactMethodSnapshot } from './contact-method-record';
import { personalOwner } from './personal-owner';

/** Deletes one of the user's contact methods and the rules that use it (ON DELETE CASCADE). */
export async function deleteContactMethod(ctx: Context, principal: Principal, userId: string, id: string): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    const user = await personalOwner(tx, userId);
    const row = await findContactMethodRecord(tx, userId, id);
    if (!row) throw AppError.notFound(`Contact method of user ${userId}`, id);
    requireAllowed(principal, 'contact_method.delete', { user });
    await deleteContactMethodById(tx, id);
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'contact_method.delete',
      entityType: 'contact_method',
      entityId: id,
      before: contactMethodSnapshot(row),
      after: null,
    });
  });
}
