import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { describeContactMethod } from '@heinrich/core/delivery/mask-contact-value';
import { decideTestPage, testPageTitle } from '@heinrich/core/delivery/test-page';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { findContactMethodRecord } from '@heinrich/db/contact-methods/find-contact-method-record';
import { lockContactMethod } from '@heinrich/db/contact-methods/lock-contact-method';
import { findTeamsOfUser, insertTestPage, lastTestPageAt, TEST_SERVICE_LOCK, type WrittenTestPage } from '@heinrich/db/contact-methods/test-pages';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { personalOwner } from './personal-owner';

/**
 * POST /api/v1/users/{id}/contact-methods/{methodId}/test: a real page to this
 * one method, through the normal durable delivery path (the rows are written
 * here; the worker's dispatcher sends it with the real provider). The person,
 * admins and the leads of the person's teams; one per method a minute (429);
 * audit-logged. The page is an incident marked is_test: listed nowhere, never
 * escalated, never counted, and its delivery never falls back to another method.
 */
export async function sendTestPage(ctx: Context, principal: Principal, userId: string, methodId: string): Promise<WrittenTestPage> {
  return withTransaction(
    ctx.db,
    async (tx) => {
      const user = await personalOwner(tx, userId);
      const method = await findContactMethodRecord(tx, userId, methodId);
      if (!method) throw AppError.notFound(`Contact method of user ${userId}`, methodId);
      requireAllowed(principal, 'contact_method.test', { user, teams: await findTeamsOfUser(tx, userId) });
      // two clicks at once: the second waits here and then sees the first one's delivery
      await lockContactMethod(tx, methodId);
      const now = ctx.now();
      const decision = decideTestPage({ method, lastTestAt: await lastTestPageAt(tx, methodId), now });
      if (!decision.ok) throw decision.error;
      const actor = auditActorOf(principal);
      const page = await insertTestPage(
        tx,
        { userId, contactMethodId: methodId, channel: method.type, target: method.value, title: testPageTitle(actor.display, user.name), sentBy: actor.display },
        now,
      );
      await insertAuditEntry(tx, actor, {
        action: 'contact_method.test',
        entityType: 'contact_method',
        entityId: methodId,
        before: null,
        after: { userId, method: describeContactMethod(method.type, method.value), incidentNumber: page.incidentNumber, deliveryId: page.deliveryId },
      });
      return page;
    },
    { locks: [TEST_SERVICE_LOCK] },
  );
}
