import { prismaOf, type Queryable } from '../queryable';

/** True when a user other than `userId` has this Slack member id. */
export async function slackIdLinkedElsewhere(q: Queryable, userId: string, slackUserId: string): Promise<boolean> {
  return (await prismaOf(q).user.count({ where: { slackUserId, id: { not: userId } } })) > 0;
}
