import type pg from 'pg';

/** A slack_messages row as the sync works with it (seqs as text: they are bigints). */
export interface SlackMessageRow {
  id: string;
  incidentId: string;
  kind: 'channel' | 'dm';
  target: string;
  status: 'pending' | 'posted' | 'failed';
  channelId: string | null;
  ts: string | null;
  attempts: number;
  wantedSeq: string;
  syncedSeq: string;
}

const COLUMNS = `id, incident_id, kind, target, status, channel_id, ts, attempts, wanted_seq::text, synced_seq::text`;

function toRow(r: Record<string, unknown>): SlackMessageRow {
  return {
    id: r.id as string,
    incidentId: r.incident_id as string,
    kind: r.kind as SlackMessageRow['kind'],
    target: r.target as string,
    status: r.status as SlackMessageRow['status'],
    channelId: (r.channel_id as string | null) ?? null,
    ts: (r.ts as string | null) ?? null,
    attempts: r.attempts as number,
    wantedSeq: r.wanted_seq as string,
    syncedSeq: r.synced_seq as string,
  };
}

/**
 * Claims the incident's messages that need Slack work (pending posts; posted
 * ones behind the timeline) for `leaseMs`: another worker, or a duplicate
 * wake-up, finds them claimed and does nothing. A crashed worker's claim
 * lapses and the sweeper picks the rows up again.
 */
export async function claimSlackMessages(db: pg.Pool | pg.PoolClient, incidentId: string, now: Date, leaseMs: number): Promise<SlackMessageRow[]> {
  const r = await db.query(
    `UPDATE slack_messages SET claimed_until = $2::timestamptz + $3 * interval '1 millisecond'
      WHERE incident_id = $1
        AND (status = 'pending' OR (status = 'posted' AND wanted_seq > synced_seq))
        AND (claimed_until IS NULL OR claimed_until <= $2)
      RETURNING ${COLUMNS}`,
    [incidentId, now, leaseMs],
  );
  return r.rows.map(toRow);
}

/** Posted: where Slack put it, and the timeline seq the posted content reflects. */
export async function markSlackMessagePosted(db: pg.Pool | pg.PoolClient, id: string, p: { channelId: string; ts: string; seq: string; at: Date }): Promise<void> {
  await db.query(
    `UPDATE slack_messages SET status = 'posted', channel_id = $2, ts = $3, synced_seq = $4::bigint, wanted_seq = GREATEST(wanted_seq, $4::bigint),
            posted_at = $5, updated_at = $5, claimed_until = NULL, error = NULL, attempts = attempts + 1
      WHERE id = $1`,
    [id, p.channelId, p.ts, p.seq, p.at],
  );
}

/** Synced up to `seq` (the message and its thread show the timeline up to there). */
export async function markSlackMessageSynced(db: pg.Pool | pg.PoolClient, id: string, seq: string, at: Date, error: string | null = null): Promise<void> {
  await db.query(
    `UPDATE slack_messages SET synced_seq = GREATEST(synced_seq, $2::bigint), updated_at = $3, claimed_until = NULL, error = $4 WHERE id = $1`,
    [id, seq, at, error],
  );
}

/** Not done this time: kept claimed until `retryAt` (Retry-After, backoff), then the sweeper tries again. */
export async function markSlackMessageRetry(db: pg.Pool | pg.PoolClient, id: string, error: string, retryAt: Date, at: Date): Promise<void> {
  await db.query(`UPDATE slack_messages SET attempts = attempts + 1, error = $2, claimed_until = $3, updated_at = $4 WHERE id = $1`, [id, error, retryAt, at]);
}

/** Given up: Slack refuses it for good (channel_not_found, not_in_channel...) or too many attempts. */
export async function markSlackMessageFailed(db: pg.Pool | pg.PoolClient, id: string, error: string, at: Date): Promise<void> {
  await db.query(`UPDATE slack_messages SET status = 'failed', attempts = attempts + 1, error = $2, claimed_until = NULL, updated_at = $3 WHERE id = $1`, [id, error, at]);
}
