import type { Tx } from './with-transaction';

/** Tables whose rows configuration changes lock (a closed list: the name is put into SQL text). */
export type LockableTable = 'services' | 'integration_keys' | 'teams' | 'users' | 'api_keys' | 'escalation_policies' | 'heartbeats';

/**
 * `SELECT ... FOR UPDATE` of one row in a transaction, so what a change
 * reads (to authorize it and to record "before" in the audit log) is what it
 * changes: a concurrent change of the same row waits for this one to commit.
 * Returns false when there is no such row.
 */
export async function lockRow(tx: Tx, table: LockableTable, id: string): Promise<boolean> {
  const { rowCount } = await tx.query(`SELECT 1 FROM "${table}" WHERE id = $1::uuid FOR UPDATE`, [id]);
  return rowCount === 1;
}
