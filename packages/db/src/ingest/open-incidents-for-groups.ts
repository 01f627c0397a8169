import type { AlertGroup } from '@heinrich/core/incoming-alert';
import type pg from 'pg';
import { RetryTransaction } from '../with-transaction';

export interface GroupIncident {
  id: string;
  number: number;
  groupKeyHash: string;
  /** this transaction opened it */
  opened: boolean;
}

export class IncidentRaceError extends RetryTransaction {
  constructor() {
    super('an open incident vanished between insert and select; retry the transaction');
  }
}

/**
 * The open incident of each group, opening the missing ones. The unique index on
 * (service_id, open_group_key) lets one transaction win; a concurrent one waits
 * on the index entry, then does nothing and reads the winner's row. Groups are
 * inserted in hash order so two payloads touching the same groups don't deadlock.
 */
export async function openIncidentsForGroups(
  client: pg.PoolClient,
  serviceId: string,
  groups: (AlertGroup & { severity: string | null })[],
): Promise<Map<string, GroupIncident>> {
  const rows = groups
    .map((g) => ({ hash: g.keyHash, key: g.key, labels: g.labels, title: g.title, severity: g.severity }))
    .sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  const inserted = await client.query<{ id: string }>(
    `INSERT INTO incidents (id, service_id, group_key_hash, open_group_key, group_key, group_labels, title, severity, updated_at)
     SELECT gen_random_uuid(), $1, t.hash, t.hash, t.key, t.labels, t.title, t.severity, now()
       FROM jsonb_to_recordset($2::jsonb) AS t(hash text, key text, labels jsonb, title text, severity text)
     ON CONFLICT (service_id, open_group_key) DO NOTHING
     RETURNING id`,
    [serviceId, JSON.stringify(rows)],
  );
  const openedIds = new Set(inserted.rows.map((r) => r.id));
  const found = await client.query<{ id: string; number: number; open_group_key: string }>(
    `SELECT id, number, open_group_key FROM incidents WHERE service_id = $1 AND open_group_key = ANY($2::text[])`,
    [serviceId, rows.map((r) => r.hash)],
  );
  const byHash = new Map<string, GroupIncident>();
  for (const r of found.rows) {
    byHash.set(r.open_group_key, { id: r.id, number: r.number, groupKeyHash: r.open_group_key, opened: openedIds.has(r.id) });
  }
  if (byHash.size !== rows.length) throw new IncidentRaceError();
  return byHash;
}
