import { prismaOf, type Queryable } from '../queryable';

/** Deletes the rule. */
export async function deleteNotificationRuleById(q: Queryable, id: string): Promise<void> {
  await prismaOf(q).notificationRule.delete({ where: { id } });
}
