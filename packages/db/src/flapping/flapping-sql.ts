/**
 * SQL for "this incident (`alias`.id) is its alert group's flapping incident
 * now" (docs/noise.md "Flapping"): the API's and Slack's `flapping`.
 * alert_group_flaps_incident_id_idx serves it.
 */
export const FLAPPING_SQL = (alias: string): string =>
  `EXISTS (SELECT 1 FROM alert_group_flaps ff WHERE ff.incident_id = ${alias}.id AND ff.flapping_since IS NOT NULL)`;
