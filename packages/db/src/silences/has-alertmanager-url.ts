import type pg from 'pg';

/** Whether a service has an Alertmanager integration key with its Alertmanager URL configured: where silences are made. */
export async function hasAlertmanagerUrl(pool: pg.Pool, serviceId: string): Promise<boolean> {
  const r = await pool.query(`SELECT 1 FROM integration_keys WHERE service_id = $1 AND type = 'alertmanager' AND alertmanager_url IS NOT NULL LIMIT 1`, [serviceId]);
  return (r.rowCount ?? 0) > 0;
}
