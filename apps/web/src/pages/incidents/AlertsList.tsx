import type { ReactNode } from 'react';
import type { AlertJson } from '@heinrich/contracts/incidents';
import { formatTimestamp } from '../../lib/time';

/** Annotations Alertmanager rules conventionally use for links. */
const LINK_KEYS = /(^|_)(url|link|runbook|dashboard)($|_)/i;

function isHttpUrl(value: string): boolean {
  return /^https?:\/\/\S+$/i.test(value.trim());
}

/** Each alert: status, summary, runbook link, every label and annotation. */
export function AlertsList({ alerts, truncated }: { alerts: AlertJson[]; truncated: number }) {
  if (alerts.length === 0) return <p className="muted">No alerts: this incident was opened by hand.</p>;
  return (
    <>
      <ul className="plain alerts">
        {alerts.map((a) => (
          <AlertItem key={a.id} alert={a} />
        ))}
      </ul>
      {truncated > 0 ? <p className="hint">Alertmanager left out {truncated} more alerts of this group (max_alerts).</p> : null}
    </>
  );
}

function AlertItem({ alert: a }: { alert: AlertJson }) {
  const summary = a.annotations.summary ?? a.annotations.description ?? a.labels.alertname ?? a.fingerprint;
  const runbook = a.annotations.runbook_url ?? a.annotations.runbook;
  const links = Object.entries(a.annotations).filter(([k, v]) => isHttpUrl(v) && (LINK_KEYS.test(k) || k !== 'summary'));
  const text = Object.entries(a.annotations).filter(([, v]) => !isHttpUrl(v));
  return (
    <li className="alert-item">
      <h3>
        <span className={`status status-${a.status === 'firing' ? 'triggered' : 'resolved'}`}>{a.status}</span> {summary}
      </h3>
      {runbook && isHttpUrl(runbook) ? (
        <p>
          <a href={runbook} target="_blank" rel="noreferrer noopener" className="button">
            Open runbook
          </a>
        </p>
      ) : null}
      <p className="hint">
        Since {formatTimestamp(a.startsAt)}
        {a.endsAt ? `, ended ${formatTimestamp(a.endsAt)}` : ''} · received {a.receiveCount}×
      </p>
      <h4 className="visually-hidden">Labels</h4>
      <ul className="labels" aria-label="Labels">
        {Object.entries(a.labels).map(([k, v]) => (
          <li key={k}>
            {k}={v}
          </li>
        ))}
      </ul>
      {text.length > 0 || links.length > 0 ? (
        <dl className="kv annotations" aria-label="Annotations">
          {text.map(([k, v]) => (
            <Pair key={k} k={k}>
              {v}
            </Pair>
          ))}
          {links.map(([k, v]) => (
            <Pair key={k} k={k}>
              <a href={v} target="_blank" rel="noreferrer noopener">
                {v}
              </a>
            </Pair>
          ))}
        </dl>
      ) : null}
      {a.generatorUrl && isHttpUrl(a.generatorUrl) ? (
        <p>
          <a href={a.generatorUrl} target="_blank" rel="noreferrer noopener">
            Source graph
          </a>
        </p>
      ) : null}
    </li>
  );
}

function Pair({ k, children }: { k: string; children: ReactNode }) {
  return (
    <>
      <dt>{k}</dt>
      <dd>{children}</dd>
    </>
  );
}
