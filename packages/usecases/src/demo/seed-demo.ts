import { sha256Hex } from '@heinrich/core/alert-group';
import type { Principal } from '@heinrich/core/authz/principal';
import { ensureDemoService } from '@heinrich/db/demo/ensure-demo-service';
import { ensureDemoTeam } from '@heinrich/db/demo/ensure-demo-team';
import { findTeamPolicyByName } from '@heinrich/db/escalation-policies/find-team-policy-by-name';
import { findTeamScheduleByName } from '@heinrich/db/schedules/find-team-schedule-by-name';
import { hashPassword } from '../auth/password-hash';
import type { Context } from '../context';
import { createEscalationPolicy } from '../escalation-policies/create-escalation-policy';
import { createSchedule } from '../schedules/create-schedule';

/**
 * Fixed, documented demo credentials: docker-compose's demo Alertmanager posts
 * with the alertmanager key; people sign in with DEMO_PASSWORD. Public, for the
 * demo only: create real keys and users through the API.
 */
export const DEMO_ALERTMANAGER_KEY = 'hk_demo_alertmanager_0000000000000000';
/** The demo Alertmanager of docker-compose.yml (`--profile demo`), where the demo key's silences go. */
export const DEMO_ALERTMANAGER_URL = 'http://alertmanager:9093';
export const DEMO_EVENTS_KEY = 'hk_demo_events_00000000000000000000000';
export const DEMO_PASSWORD = 'heinrich-demo-password';

const TEAM = 'Demo SRE';
const SCHEDULE = 'Collector primary (demo)';
const POLICY = 'Collector: on-call, then the lead (demo)';
const USERS = [
  { name: 'Alice Example', email: 'alice@demo.heinrich.invalid', timeZone: 'Europe/Berlin', team: 'lead', role: 'admin' },
  { name: 'Bob Example', email: 'bob@demo.heinrich.invalid', timeZone: 'America/New_York', team: 'responder', role: 'user' },
  { name: 'Carol Example', email: 'carol@demo.heinrich.invalid', timeZone: 'Asia/Kolkata', team: 'responder', role: 'user' },
] as const;

/** The seed acts with the bootstrap key's rights; the audit log names it. */
const SEED: Principal = { kind: 'bootstrap', role: 'admin', teamRoles: {}, display: 'the demo seed', via: 'api' };

export interface DemoSeed {
  teamId: string;
  serviceId: string;
  scheduleId: string;
  policyId: string;
  userIds: string[];
  alertmanagerKey: string;
  eventsKey: string;
}

/**
 * Demo data: a team of three (Alice, lead and admin; Bob and Carol), each paged
 * through the `log` channel only (no Twilio or Slack credentials needed); a weekly
 * rotation handing off Mondays 09:00 Berlin; a policy paging whoever is on call,
 * then Alice after 5 minutes, twice; and a service grouping by node with its two
 * integration keys. Idempotent: running it again changes nothing.
 */
export async function seedDemo(ctx: Context): Promise<DemoSeed> {
  const { pool } = ctx.db;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { teamId, userIds } = await ensureDemoTeam(pool, { team: TEAM, people: USERS, passwordHash, now: ctx.now() });
  const team = { id: teamId };

  const schedule =
    (await findTeamScheduleByName(pool, team.id, SCHEDULE)) ??
    (await createSchedule(ctx, SEED, {
      name: SCHEDULE,
      description: 'A weekly rotation of the demo team',
      teamId: team.id,
      timeZone: 'Europe/Berlin',
      layers: [{ name: 'weekly', members: userIds, rotation: { type: 'weekly', shiftLength: 1 }, start: '2026-01-05T09:00:00+01:00' }],
    }));
  const policy =
    (await findTeamPolicyByName(pool, team.id, POLICY)) ??
    (await createEscalationPolicy(ctx, SEED, {
      name: POLICY,
      teamId: team.id,
      repeat: 1,
      steps: [
        { delayMinutes: 5, targets: [{ type: 'schedule', id: schedule.id }] },
        { delayMinutes: 5, targets: [{ type: 'user', id: userIds[0]! }] },
      ],
    }));

  const serviceId = await ensureDemoService(pool, {
    service: {
      name: 'Collector (demo)',
      description: 'The data-collection app of the demo: its pods crash-loop on node d01',
      teamId: team.id,
      escalationPolicyId: policy.id,
      groupBy: ['node'],
      urgency: 'bySeverity',
    },
    keys: (
      [
        ['alertmanager', DEMO_ALERTMANAGER_KEY],
        ['events', DEMO_EVENTS_KEY],
      ] as const
    ).map(([type, secret]) => ({ type, secretHash: sha256Hex(secret), secretPrefix: secret.slice(0, 8) })),
    alertmanagerKeyHash: sha256Hex(DEMO_ALERTMANAGER_KEY),
    // silences go only to the Alertmanager URL configured on the key: the compose demo's Alertmanager
    alertmanagerUrl: DEMO_ALERTMANAGER_URL,
  });
  return {
    teamId: team.id,
    serviceId,
    scheduleId: schedule.id,
    policyId: policy.id,
    userIds,
    alertmanagerKey: DEMO_ALERTMANAGER_KEY,
    eventsKey: DEMO_EVENTS_KEY,
  };
}
