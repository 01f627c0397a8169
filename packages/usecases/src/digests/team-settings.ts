import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import type { Weekday } from '@heinrich/core/schedule/schedule';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { findTeamSettings, upsertTeamSettings, type TeamSettingsRow } from '@heinrich/db/digests/team-digest-rows';
import { lockTeam } from '@heinrich/db/teams/lock-team';
import { findTeamRef } from '@heinrich/db/teams/find-team-ref';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';

export interface TeamSettings {
  timeZone: string;
  digest: { slackChannel: string | null; enabled: boolean; weekday: Weekday; hour: number };
  updatedAt: Date | null;
}

const DEFAULTS: TeamSettings = { timeZone: 'UTC', digest: { slackChannel: null, enabled: true, weekday: 'monday', hour: 9 }, updatedAt: null };

function toSettings(row: TeamSettingsRow | null): TeamSettings {
  if (!row) return DEFAULTS;
  return {
    timeZone: row.timeZone,
    digest: { slackChannel: row.digestChannel, enabled: row.digestEnabled, weekday: row.digestWeekday as Weekday, hour: row.digestHour },
    updatedAt: row.updatedAt,
  };
}

/** A team's time zone and weekly digest; the defaults when never set; 404 for no team. */
export async function getTeamSettings(ctx: Context, teamId: string): Promise<TeamSettings> {
  if (!(await findTeamRef(ctx.db.pool, teamId))) throw AppError.notFound('Team', teamId);
  return toSettings(await findTeamSettings(ctx.db.pool, teamId));
}

/** Replaces a team's settings (leads of the team, admins), audit-logged as team.update_settings. */
export async function putTeamSettings(ctx: Context, principal: Principal, teamId: string, input: Omit<TeamSettings, 'updatedAt'>): Promise<TeamSettings> {
  return withTransaction(ctx.db, async (tx) => {
    const team = await lockTeam(tx, teamId);
    if (!team) throw AppError.notFound('Team', teamId);
    requireAllowed(principal, 'team.update', { team: { id: teamId, name: team.name } });
    const before = toSettings(await findTeamSettings(tx, teamId));
    const now = ctx.now();
    await upsertTeamSettings(tx, {
      teamId,
      timeZone: input.timeZone,
      digestChannel: input.digest.slackChannel,
      digestEnabled: input.digest.enabled,
      digestWeekday: input.digest.weekday,
      digestHour: input.digest.hour,
      now,
    });
    const after = { ...input, updatedAt: now };
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'team.update_settings',
      entityType: 'team',
      entityId: teamId,
      before: { timeZone: before.timeZone, digest: before.digest },
      after: { timeZone: after.timeZone, digest: after.digest },
    });
    return after;
  });
}
