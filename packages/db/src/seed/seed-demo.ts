import { sha256Hex } from '@heinrich/core/alert-group';
import type { Database } from '../create-database';

/**
 * Fixed, documented demo credentials: docker-compose's demo Alertmanager posts
 * with this key. Demo only — create real keys through the API.
 */
export const DEMO_ALERTMANAGER_KEY = 'hk_demo_alertmanager_0000000000000000';
export const DEMO_EVENTS_KEY = 'hk_demo_events_00000000000000000000000';

const TEAM = 'Demo SRE';
const USERS = [
  { name: 'Alice Example', email: 'alice@demo.heinrich.invalid', timeZone: 'Europe/Berlin', role: 'lead' },
  { name: 'Bob Example', email: 'bob@demo.heinrich.invalid', timeZone: 'America/New_York', role: 'responder' },
  { name: 'Carol Example', email: 'carol@demo.heinrich.invalid', timeZone: 'Asia/Kolkata', role: 'responder' },
] as const;

export interface DemoSeed {
  teamId: string;
  serviceId: string;
  userIds: string[];
  alertmanagerKey: string;
  eventsKey: string;
}

/**
 * Demo data: a team, three users who are paged through the `log` channel (no
 * Twilio or Slack credentials needed), a service grouping by node, and its two
 * integration keys. Idempotent: running it again changes nothing.
 */
export async function seedDemo(db: Database): Promise<DemoSeed> {
  const { prisma } = db;
  return prisma.$transaction(async (tx) => {
    const team = await tx.team.upsert({ where: { name: TEAM }, update: {}, create: { name: TEAM } });
    const userIds: string[] = [];
    for (const u of USERS) {
      const user = await tx.user.upsert({
        where: { email: u.email },
        update: {},
        create: { name: u.name, email: u.email, timeZone: u.timeZone },
      });
      userIds.push(user.id);
      await tx.teamMember.upsert({
        where: { teamId_userId: { teamId: team.id, userId: user.id } },
        update: {},
        create: { teamId: team.id, userId: user.id, role: u.role },
      });
      const hasLog = await tx.contactMethod.findFirst({ where: { userId: user.id, type: 'log' } });
      if (!hasLog) {
        await tx.contactMethod.create({ data: { userId: user.id, type: 'log', value: u.email, verifiedAt: new Date() } });
      }
    }
    let policy = await tx.escalationPolicy.findFirst({ where: { teamId: team.id, name: 'Demo: page the on-call' } });
    policy ??= await tx.escalationPolicy.create({ data: { name: 'Demo: page the on-call', teamId: team.id } });

    const existingKey = await tx.integrationKey.findUnique({ where: { secretHash: sha256Hex(DEMO_ALERTMANAGER_KEY) } });
    let serviceId = existingKey?.serviceId;
    if (!serviceId) {
      const service = await tx.service.create({
        data: {
          name: 'Collector (demo)',
          description: 'The data-collection app of the demo: its pods crash-loop on node d01',
          teamId: team.id,
          escalationPolicyId: policy.id,
          groupBy: ['node'],
          urgency: 'bySeverity',
        },
      });
      serviceId = service.id;
      for (const [type, secret] of [
        ['alertmanager', DEMO_ALERTMANAGER_KEY],
        ['events', DEMO_EVENTS_KEY],
      ] as const) {
        await tx.integrationKey.create({
          data: { serviceId, type, name: `demo ${type}`, secretHash: sha256Hex(secret), secretPrefix: secret.slice(0, 8) },
        });
      }
    }
    return { teamId: team.id, serviceId, userIds, alertmanagerKey: DEMO_ALERTMANAGER_KEY, eventsKey: DEMO_EVENTS_KEY };
  });
}
