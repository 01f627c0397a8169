import type pg from 'pg';

/**
 * Keeps the externalURL an Alertmanager sends in its notifications on the key it
 * used: where silences are made when the key has no configured Alertmanager URL.
 * Written only when it changed.
 */
export async function rememberExternalUrl(pool: pg.Pool, keyId: string, externalUrl: string): Promise<void> {
  await pool.query(`UPDATE integration_keys SET external_url = $2 WHERE id = $1 AND external_url IS DISTINCT FROM $2`, [keyId, externalUrl]);
}
