import type pg from 'pg';
import type { CreationPosition } from '../page-ids';

export interface AuditEntryRecord {
  id: string;
  createdAt: Date;
  actor: string;
  actorDisplay: string;
  credential: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  position: CreationPosition;
}

export interface AuditSelection {
  entityType?: string;
  entityId?: string;
  actor?: string;
  /** at or after (RFC 3339) */
  since?: string;
  /** before (RFC 3339), exclusive */
  until?: string;
  /** the page after this position, newest first */
  before?: CreationPosition;
  limit: number;
}

/** Audit log entries newest first (created_at, id descending), filtered. */
export async function selectAuditEntries(pool: pg.Pool, s: AuditSelection): Promise<AuditEntryRecord[]> {
  const r = await pool.query<Omit<AuditEntryRecord, 'position'> & { position: string }>(
    `SELECT id, created_at AS "createdAt", actor, actor_display AS "actorDisplay", credential, action,
            entity_type AS "entityType", entity_id AS "entityId", before, after,
            to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS position
       FROM audit_log
      WHERE ($1::text IS NULL OR entity_type = $1)
        AND ($2::text IS NULL OR entity_id = $2)
        AND ($3::text IS NULL OR actor = $3)
        AND ($4::timestamptz IS NULL OR created_at >= $4)
        AND ($5::timestamptz IS NULL OR created_at < $5)
        AND ($6::timestamptz IS NULL OR (created_at, id) < ($6::timestamptz, $7::uuid))
      ORDER BY created_at DESC, id DESC
      LIMIT $8`,
    [s.entityType ?? null, s.entityId ?? null, s.actor ?? null, s.since ?? null, s.until ?? null, s.before?.createdAt ?? null, s.before?.id ?? null, s.limit],
  );
  return r.rows.map((row) => ({ ...row, position: { createdAt: row.position, id: row.id } }));
}
