import { AppError, type FieldProblem } from '@heinrich/core/app-error';
import type { TeamRef } from '@heinrich/core/authz/authorize';
import type { EscalationPolicy, EscalationStep } from '@heinrich/core/escalation/escalation-policy';
import { validateEscalationPolicy } from '@heinrich/core/escalation/validate-escalation-policy';
import type { Queryable } from '@heinrich/db/queryable';
import { findExistingScheduleIds } from '@heinrich/db/schedules/find-existing-schedule-ids';
import { findTeamRef } from '@heinrich/db/teams/find-team-ref';
import { findExistingUserIds } from '@heinrich/db/users/find-existing-user-ids';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A policy as it will be stored must be one the engine can run (core
 * validation: limits, duplicate targets) and name a team, users and schedules
 * that exist: a 400 naming each field (`teamId`, `steps.1.targets.0.id`), not a
 * page that silently goes nowhere later. Returns the team, for authorization.
 */
export async function checkPolicyDefinition(
  q: Queryable,
  policy: { name: string; teamId: string; repeat: number; steps: EscalationStep[] },
): Promise<{ team: TeamRef }> {
  const problems: FieldProblem[] = validateEscalationPolicy(policy as EscalationPolicy);
  const ids = (type: 'user' | 'schedule') => [...new Set(policy.steps.flatMap((s) => s.targets.filter((t) => t.type === type).map((t) => t.id)))].filter((id) => UUID.test(id));
  const [team, users, schedules] = await Promise.all([
    UUID.test(policy.teamId) ? findTeamRef(q, policy.teamId) : null,
    findExistingUserIds(q, ids('user')),
    findExistingScheduleIds(q, ids('schedule')),
  ]);
  if (!team && policy.teamId !== '') problems.push({ path: 'teamId', message: `refers to team ${policy.teamId}, which does not exist` });
  const known = { user: users, schedule: schedules };
  policy.steps.forEach((step, i) =>
    step.targets.forEach((target, k) => {
      if (target.type === 'slackChannel') return;
      if (!known[target.type].has(target.id.toLowerCase())) {
        problems.push({ path: `steps.${i}.targets.${k}.id`, message: `refers to ${target.type} ${target.id}, which does not exist` });
      }
    }),
  );
  const first = problems[0];
  if (first || !team) {
    const shown = first ?? { path: 'teamId', message: 'is required' };
    throw new AppError('validation_failed', `Request body is invalid: ${shown.path} ${shown.message}`, problems);
  }
  return { team };
}

/** Target ids as stored: user and schedule ids lower-cased (UUIDs), channel ids as given. */
export function normalizeSteps(steps: EscalationStep[]): EscalationStep[] {
  return steps.map((s) => ({
    delayMinutes: s.delayMinutes,
    targets: s.targets.map((t) => ({ type: t.type, id: t.type === 'slackChannel' ? t.id : t.id.toLowerCase() })),
  }));
}
