import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { recordAudit } from '../audit/record-audit';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { CONTACT_METHOD_RECORD, contactMethodSnapshot, type ContactMethodRecord } from './contact-method-record';
import { personalOwner } from './personal-owner';

/** Deletes one of the user's contact methods and the rules that use it (ON DELETE CASCADE). */
export async function deleteContactMethod(ctx: Context, principal: Principal, userId: string, id: string): Promise<void> {
  await ctx.db.prisma.$transaction(async (tx) => {
    const user = await personalOwner(tx, userId);
    const row = await tx.contactMethod.findFirst({ where: { id, userId }, select: CONTACT_METHOD_RECORD });
    if (!row) throw AppError.notFound(`Contact method of user ${userId}`, id);
    requireAllowed(principal, 'contact_method.delete', { user });
    await tx.contactMethod.delete({ where: { id } });
    await recordAudit(tx, auditActorOf(principal), {
      action: 'contact_method.delete',
      entityType: 'contact_method',
      entityId: id,
      before: contactMethodSnapshot(row as ContactMethodRecord),
      after: null,
    });
  });
}
