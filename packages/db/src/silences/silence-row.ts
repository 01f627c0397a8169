/** A matcher as Alertmanager takes it (we write equality matchers only). */
export interface StoredMatcher {
  name: string;
  value: string;
  isRegex: boolean;
  isEqual: boolean;
}

/** The Alertmanager credentials stored on an integration key (alertmanager_auth). */
export type StoredAlertmanagerAuth = { type: 'bearer'; token: string } | { type: 'basic'; username: string; password: string };

/** One row of incident_silences, with what talking to its Alertmanager needs. */
export interface SilenceRow {
  id: string;
  incidentId: string;
  open: boolean;
  integrationKeyId: string | null;
  alertmanagerUrl: string;
  /**
   * where calls about the silence go: the key's Alertmanager URL as configured now
   * (NULL when the key is gone or has none; never a URL a notification carried)
   */
  targetUrl: string | null;
  /** the key's credentials (NULL when the key is gone or has none) */
  auth: StoredAlertmanagerAuth | null;
  silenceId: string | null;
  matchers: StoredMatcher[];
  startsAt: Date;
  endsAt: Date;
  createdBy: string;
  createdByName: string;
  expiredAt: Date | null;
}

export const SILENCE_COLUMNS = `s.id, s.incident_id, s.open_for IS NOT NULL AS open, s.integration_key_id, s.alertmanager_url, k.alertmanager_url AS target_url,
  k.alertmanager_auth AS auth, s.silence_id, s.matchers, s.starts_at, s.ends_at, s.created_by, s.created_by_name, s.expired_at`;

export const SILENCE_FROM = `incident_silences s LEFT JOIN integration_keys k ON k.id = s.integration_key_id`;

export interface SilenceDbRow {
  id: string;
  incident_id: string;
  open: boolean;
  integration_key_id: string | null;
  alertmanager_url: string;
  target_url: string | null;
  auth: StoredAlertmanagerAuth | null;
  silence_id: string | null;
  matchers: StoredMatcher[];
  starts_at: Date;
  ends_at: Date;
  created_by: string;
  created_by_name: string;
  expired_at: Date | null;
}

export function toSilenceRow(r: SilenceDbRow): SilenceRow {
  return {
    id: r.id,
    incidentId: r.incident_id,
    open: r.open,
    integrationKeyId: r.integration_key_id,
    alertmanagerUrl: r.alertmanager_url,
    targetUrl: r.target_url,
    auth: r.auth,
    silenceId: r.silence_id,
    matchers: r.matchers,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    expiredAt: r.expired_at,
  };
}
