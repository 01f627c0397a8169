import type { Queryable } from '../queryable';

export interface DigestTeam {
  teamId: string;
  teamName: string;
  timeZone: string;
  channel: string;
  weekday: string;
  hour: number;
  /** slots before this are not posted (the settings changed after them) */
  settingsUpdatedAt: Date;
}

/** Teams with the digest on and a channel set. */
export async function listDigestTeams(q: Queryable): Promise<DigestTeam[]> {
  const r = await q.query<DigestTeam>(
    `SELECT t.id AS "teamId", t.name AS "teamName", s.time_zone AS "timeZone", s.digest_channel AS channel,
            s.digest_weekday AS weekday, s.digest_hour AS hour, s.updated_at AS "settingsUpdatedAt"
       FROM team_settings s JOIN teams t ON t.id = s.team_id
      WHERE s.digest_enabled AND s.digest_channel IS NOT NULL ORDER BY t.name, t.id`,
  );
  return r.rows;
}

/**
 * Claims the team's digest of `week` by inserting its row (status posting):
 * true for the one caller that inserted it. The unique (team, week) makes a
 * second worker, a restart or a later pass find it taken: never posted twice.
 */
export async function claimTeamDigest(q: Queryable, d: { teamId: string; week: string; dueAt: Date; channel: string }): Promise<string | null> {
  const r = await q.query<{ id: string }>(
    `INSERT INTO team_digests (id, team_id, week, due_at, status, attempts, channel)
     VALUES (gen_random_uuid(), $1, $2, $3, 'posting', 1, $4)
     ON CONFLICT (team_id, week) DO NOTHING RETURNING id`,
    [d.teamId, d.week, d.dueAt, d.channel],
  );
  return r.rows[0]?.id ?? null;
}

export interface RetryDigest {
  id: string;
  teamId: string;
  week: string;
  dueAt: Date;
  attempts: number;
}

/** Claims the digests Slack refused for now whose retry is due (status retry -> posting). */
export async function claimDigestRetries(q: Queryable, now: Date): Promise<RetryDigest[]> {
  const r = await q.query<RetryDigest>(
    `UPDATE team_digests d SET status = 'posting', attempts = attempts + 1
      WHERE id IN (SELECT id FROM team_digests WHERE status = 'retry' AND next_attempt_at <= $1 ORDER BY next_attempt_at FOR UPDATE SKIP LOCKED LIMIT 20)
      RETURNING id, team_id AS "teamId", week, due_at AS "dueAt", attempts`,
    [now],
  );
  return r.rows;
}

/** The finding keys of the team's latest posted digest before `week`. */
export async function previousDigestKeys(q: Queryable, teamId: string, week: string): Promise<string[]> {
  const r = await q.query<{ keys: string[] }>(
    `SELECT finding_keys AS keys FROM team_digests WHERE team_id = $1 AND week < $2 AND status = 'posted' ORDER BY week DESC LIMIT 1`,
    [teamId, week],
  );
  return r.rows[0]?.keys ?? [];
}

export async function markDigestPosted(q: Queryable, id: string, d: { slackTs: string | null; findingKeys: string[]; now: Date }): Promise<void> {
  await q.query(`UPDATE team_digests SET status = 'posted', slack_ts = $2, finding_keys = $3::jsonb, posted_at = $4, error = NULL WHERE id = $1`, [
    id,
    d.slackTs,
    JSON.stringify(d.findingKeys),
    d.now,
  ]);
}

/** Slack refused (the post did not happen): retried at `nextAttemptAt`, or given up (failed) when null. */
export async function markDigestRefused(q: Queryable, id: string, d: { error: string; nextAttemptAt: Date | null }): Promise<void> {
  await q.query(`UPDATE team_digests SET status = $2, next_attempt_at = $3, error = $4 WHERE id = $1`, [id, d.nextAttemptAt ? 'retry' : 'failed', d.nextAttemptAt, d.error.slice(0, 1000)]);
}

/** Sets a team's time zone and digest (tests, and the settings endpoint to come). */
export async function upsertTeamSettings(
  q: Queryable,
  s: { teamId: string; timeZone: string; digestChannel: string | null; digestEnabled: boolean; digestWeekday: string; digestHour: number; now: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO team_settings (team_id, time_zone, digest_channel, digest_enabled, digest_weekday, digest_hour, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (team_id) DO UPDATE SET time_zone = $2, digest_channel = $3, digest_enabled = $4, digest_weekday = $5, digest_hour = $6, updated_at = $7`,
    [s.teamId, s.timeZone, s.digestChannel, s.digestEnabled, s.digestWeekday, s.digestHour, s.now],
  );
}

export interface TeamSettingsRow {
  timeZone: string;
  digestChannel: string | null;
  digestEnabled: boolean;
  digestWeekday: string;
  digestHour: number;
  updatedAt: Date;
}

/** The team's settings row; null: never set. */
export async function findTeamSettings(q: Queryable, teamId: string): Promise<TeamSettingsRow | null> {
  const r = await q.query<TeamSettingsRow>(
    `SELECT time_zone AS "timeZone", digest_channel AS "digestChannel", digest_enabled AS "digestEnabled",
            digest_weekday AS "digestWeekday", digest_hour AS "digestHour", updated_at AS "updatedAt"
       FROM team_settings WHERE team_id = $1`,
    [teamId],
  );
  return r.rows[0] ?? null;
}
