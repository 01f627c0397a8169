import type { BulkIncidentStatusJson, IncidentJson } from '@heinrich/contracts/incidents';
import { useState } from 'react';
import type { ApiError } from '../../../api/client';
import { FormError } from '../../../components/Form';

/**
 * Above the list: select all on the page, how many incidents and how many are
 * selected, and, with a selection, "Acknowledge selected" / "Resolve selected"
 * (POST /incidents/bulk-status). Resolving incidents whose alerts still fire asks
 * first, like the incident page's Resolve (docs/noise.md).
 */
export function BulkBar(props: {
  count: number;
  selectable: number;
  selected: IncidentJson[];
  onSelectAll(all: boolean): void;
  busy: 'acknowledged' | 'resolved' | null;
  onBulk(status: 'acknowledged' | 'resolved'): void;
}) {
  const [asking, setAsking] = useState(false);
  const n = props.selected.length;
  const all = props.selectable > 0 && n === props.selectable;
  const firing = props.selected.filter((i) => i.status !== 'resolved' && i.firingAlerts > 0).length;
  const triggered = props.selected.filter((i) => i.status === 'triggered').length;
  const open = props.selected.filter((i) => i.status !== 'resolved').length;
  return (
    <div className={`list-bar${n > 0 ? ' has-selection' : ''}`}>
      {props.selectable > 0 ? (
        <label className="select-all">
          <input
            type="checkbox"
            checked={all}
            ref={(el) => {
              if (el) el.indeterminate = n > 0 && !all;
            }}
            onChange={(e) => props.onSelectAll(e.target.checked)}
          />{' '}
          Select all
        </label>
      ) : null}
      <span id="incident-count" className="muted">
        {props.count} {props.count === 1 ? 'incident' : 'incidents'}
        {n > 0 ? `, ${n} selected` : ''}
      </span>
      {n > 0 ? (
        <span className="bulk-actions">
          <button type="button" className="primary" disabled={props.busy !== null || triggered === 0} onClick={() => props.onBulk('acknowledged')}>
            {props.busy === 'acknowledged' ? 'Acknowledging…' : `Acknowledge selected (${triggered})`}
          </button>
          <button
            type="button"
            disabled={props.busy !== null || open === 0}
            onClick={() => {
              if (firing > 0) setAsking(true);
              else props.onBulk('resolved');
            }}
          >
            {props.busy === 'resolved' ? 'Resolving…' : `Resolve selected (${open})`}
          </button>
        </span>
      ) : null}
      {asking && n > 0 ? (
        <div role="group" aria-label="Confirm resolving the selected incidents" className="confirm-resolve">
          <p>
            <strong>{firing === 1 ? '1 of them still has firing alerts.' : `${firing} of them still have firing alerts.`}</strong> Resolving marks those
            alerts resolved by hand. When Alertmanager sends one again as firing, a new incident opens and pages the on-call.
          </p>
          <button
            type="button"
            className="danger"
            onClick={() => {
              setAsking(false);
              props.onBulk('resolved');
            }}
          >
            Yes, resolve {open}
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            Keep them open
          </button>
        </div>
      ) : null}
    </div>
  );
}

const OUTCOME_TEXT = { forbidden: 'not allowed', not_found: 'not found', conflict: 'not possible' } as const;

/** What the last bulk action did: how many changed, how many already were, and each failure with its reason. */
export function BulkResult({ result, error }: { result: BulkIncidentStatusJson | undefined; error: ApiError | null }) {
  if (error) return <FormError error={error} />;
  if (!result) return null;
  const verb = result.status === 'acknowledged' ? 'Acknowledged' : 'Resolved';
  const unchanged = result.results.filter((r) => r.outcome === 'unchanged').length;
  const failed = result.results.filter((r) => r.outcome !== 'changed' && r.outcome !== 'unchanged');
  return (
    <>
      <p className="notice" role="status">
        {verb} {result.changed} {result.changed === 1 ? 'incident' : 'incidents'}.
        {unchanged > 0 ? ` ${unchanged} already ${unchanged === 1 ? 'was' : 'were'}.` : ''}
      </p>
      {failed.length > 0 ? (
        <div className="form-error" role="alert">
          <p>
            {failed.length === 1 ? '1 incident was' : `${failed.length} incidents were`} not {result.status}:
          </p>
          <ul>
            {failed.map((r) => (
              <li key={r.id}>
                {r.number !== null ? `#${r.number}` : 'An incident'}: {r.message ?? OUTCOME_TEXT[r.outcome as keyof typeof OUTCOME_TEXT] ?? r.outcome}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
