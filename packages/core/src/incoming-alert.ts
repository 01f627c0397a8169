/** One alert occurrence as a sender reported it, normalized across integrations. */
export interface IncomingAlert {
  /** stable per label set (Alertmanager) or the dedup_key (events API) */
  fingerprint: string;
  /** RFC 3339 as received; with fingerprint it identifies the occurrence */
  startsAt: string;
  /** null while firing */
  endsAt: string | null;
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  generatorUrl: string | null;
  severity: string | null;
  group: AlertGroup;
}

/** The incident an occurrence belongs to while that incident is open. */
export interface AlertGroup {
  key: string;
  /** SHA-256 hex of key: the grouping key is long and full of `:` and quotes */
  keyHash: string;
  labels: Record<string, string>;
  /** incident title if this occurrence opens the incident */
  title: string;
}
