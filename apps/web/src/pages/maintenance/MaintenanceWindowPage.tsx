import { Link, useParams } from 'react-router';
import { useEndMaintenanceWindow, useMaintenanceWindow, useWindowIncidents } from '../../api/maintenance-windows';
import { FormError } from '../../components/Form';
import { formatTimestamp } from '../../lib/time';
import { IncidentStatusBadge } from '../incidents/IncidentStatusBadge';
import { windowWhen } from './MaintenanceWindowsPage';

const RELEASE: Record<string, string> = {
  paged: 'still firing at the end: paged then',
  resolved: 'resolved during the window: never paged',
  acknowledged: 'acknowledged during the window: not paged',
  not_firing: 'no longer firing at the end: not paged',
};

/** One window: when, what it covers, "End now", and what it held back (whom each incident would have paged). */
export function MaintenanceWindowPage() {
  const { id = '' } = useParams();
  const window = useMaintenanceWindow(id);
  const held = useWindowIncidents(id);
  const end = useEndMaintenanceWindow(id);
  const w = window.data;
  if (!w) return <section>{window.error ? <FormError error={window.error} /> : <p aria-live="polite">Loading…</p>}</section>;
  return (
    <section>
      <p>
        <Link to="/maintenance">Maintenance windows</Link>
      </p>
      <div className="page-head">
        <h1>
          {w.reason} {w.active ? <span className="badge warn">active</span> : <span className="badge">not active</span>}
        </h1>
        {w.active || w.next ? (
          <button type="button" className="primary" disabled={end.isPending} onClick={() => end.mutate()}>
            End now
          </button>
        ) : null}
      </div>
      <FormError error={end.error} />
      <dl className="kv">
        <dt>When</dt>
        <dd>{windowWhen(w)}</dd>
        {w.current ? (
          <>
            <dt>Now covering</dt>
            <dd>until {formatTimestamp(w.current.end)}</dd>
          </>
        ) : null}
        {w.next ? (
          <>
            <dt>Next</dt>
            <dd>
              {formatTimestamp(w.next.start)} – {formatTimestamp(w.next.end)}
            </dd>
          </>
        ) : null}
        <dt>Services</dt>
        <dd>
          {w.services.map((s, i) => (
            <span key={s.id}>
              {i > 0 ? ', ' : ''}
              <Link to={`/services/${s.id}`}>{s.name}</Link>
            </span>
          ))}
        </dd>
        <dt>Matchers</dt>
        <dd>{w.matchers.length ? w.matchers.map((m) => <code key={m}>{m} </code>) : 'none: every alert of the services'}</dd>
        <dt>Slack</dt>
        <dd>{w.announce ? "start and end announced in the channels of the services' policies" : 'not announced'}</dd>
        <dt>Created by</dt>
        <dd>{w.createdBy}</dd>
      </dl>
      <h2>Held back ({w.heldIncidents})</h2>
      <FormError error={held.error} />
      {held.data && held.data.length === 0 ? <p className="card">Nothing opened under this window.</p> : null}
      {held.data && held.data.length > 0 ? (
        <table className="stack" aria-label="Incidents held back">
          <thead>
            <tr>
              <th scope="col">Incident</th>
              <th scope="col">Status</th>
              <th scope="col">Opened</th>
              <th scope="col">Would have paged</th>
              <th scope="col">When the window ended</th>
            </tr>
          </thead>
          <tbody>
            {held.data.map((i) => (
              <tr key={i.id}>
                <td>
                  <Link to={`/incidents/${i.number}`}>
                    #{i.number} {i.title}
                  </Link>
                </td>
                <td data-label="Status">
                  <IncidentStatusBadge status={i.status} />
                </td>
                <td data-label="Opened">{formatTimestamp(i.createdAt)}</td>
                <td data-label="Would have paged">{i.wouldHavePaged.length ? i.wouldHavePaged.map((p) => p.name).join(', ') : 'nobody (no policy)'}</td>
                <td data-label="When the window ended">{i.release ? RELEASE[i.release] : `held until ${formatTimestamp(i.heldUntil)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
