import type { StormDetailJson } from '@heinrich/contracts/storms';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useServices } from '../../api/services';
import { useStorm, useStormAction, type StormAction } from '../../api/storms';
import { canRespond, useMe } from '../../auth/useMe';
import { FormError } from '../../components/Form';
import { formatTimestamp, viewerZone } from '../../lib/time';
import { IncidentStatusBadge } from '../incidents/IncidentStatusBadge';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * A storm (docs/noise.md "Storm mode"): when it started and ended, what started
 * it, its incidents by alertname and one by one, and acknowledge-all /
 * resolve-all (resolve-all asks first, in the page). Polls while visible: held
 * incidents join while the storm lasts.
 */
export function StormPage() {
  const { id = '' } = useParams();
  return <StormView key={id} id={id} />;
}

function StormView({ id }: { id: string }) {
  const me = useMe();
  const detail = useStorm(id);
  const storm = detail.data ?? null;
  const services = useServices();
  const service = useMemo(() => services.data?.find((s) => s.id === storm?.serviceId), [services.data, storm?.serviceId]);
  const action = useStormAction();
  const [confirmingResolve, setConfirmingResolve] = useState(false);

  if (!storm) {
    return (
      <section>
        <h1>Storm</h1>
        {detail.error ? <FormError error={detail.error} /> : <p>Loading…</p>}
      </section>
    );
  }

  const mayAct = canRespond(me, service?.teamId);
  const unacknowledged = storm.totals.triggered;
  const open = storm.totals.triggered + storm.totals.acknowledged;
  const busy = action.isPending ? action.variables.action : null;
  const done = action.isSuccess ? action.data : null;

  function act(what: StormAction) {
    setConfirmingResolve(false);
    action.mutate({ id: storm!.id, action: what });
  }

  return (
    <article className="storm">
      <p>
        <Link to="/incidents">← All incidents</Link>
      </p>
      <header className="incident-head">
        <h1>{storm.title}</h1>
        <dl className="kv">
          <dt>Status</dt>
          <dd>
            <span className={`badge ${storm.active ? 'warn' : 'ok'}`}>{storm.active ? 'active' : 'ended'}</span>
          </dd>
          <dt>Service</dt>
          <dd>
            <Link to={`/services/${storm.serviceId}`}>{storm.serviceName}</Link>
          </dd>
          <dt>Started</dt>
          <dd>
            <time dateTime={storm.startedAt}>{formatTimestamp(storm.startedAt)}</time>
            {` — ${plural(storm.trigger.incidents, 'new incident')} in ${windowText(storm.trigger.windowSeconds)}`}
          </dd>
          <dt>Ended</dt>
          <dd>{storm.endedAt ? <time dateTime={storm.endedAt}>{formatTimestamp(storm.endedAt)}</time> : 'not yet (it ends after the service opens no incident for a while)'}</dd>
          <dt>Storm page</dt>
          <dd>
            <Link to={`/incidents/${storm.pageIncident.number}`}>#{storm.pageIncident.number}</Link> (it pages for the storm)
          </dd>
          <dt>Incidents</dt>
          <dd>{totalsText(storm)}</dd>
        </dl>
        <p className="hint">Times in your time zone ({viewerZone()}).</p>
      </header>

      {mayAct && open > 0 ? (
        <div className="actions" role="group" aria-label="Storm actions">
          {unacknowledged > 0 ? (
            <button type="button" className="primary big" disabled={busy !== null} onClick={() => act('acknowledge')}>
              {busy === 'acknowledge' ? 'Acknowledging…' : `Acknowledge all ${unacknowledged}`}
            </button>
          ) : null}
          {confirmingResolve ? (
            <div role="group" aria-label="Confirm resolving every incident of the storm" className="row-controls">
              <p>
                Resolve all {plural(open, 'open incident')} of this storm? Alerts that still fire open new incidents when Alertmanager sends them again.
              </p>
              <button type="button" className="danger" disabled={busy !== null} onClick={() => act('resolve')}>
                {busy === 'resolve' ? 'Resolving…' : `Yes, resolve all ${open}`}
              </button>
              <button type="button" disabled={busy !== null} onClick={() => setConfirmingResolve(false)}>
                Keep them open
              </button>
            </div>
          ) : (
            <button type="button" className="big" disabled={busy !== null} onClick={() => setConfirmingResolve(true)}>
              {`Resolve all ${open}…`}
            </button>
          )}
        </div>
      ) : null}
      {!mayAct && open > 0 ? <p className="hint">You can read this storm; responders and leads of its service's team act on it.</p> : null}
      {done ? (
        <p className="notice" role="status">
          {done.action === 'acknowledge' ? 'Acknowledged' : 'Resolved'} {plural(done.changed, 'incident')}.
        </p>
      ) : null}
      <FormError error={action.error} />
      {detail.error ? <FormError error={detail.error} /> : null}

      <section className="card" aria-labelledby="counts-h">
        <h2 id="counts-h">By alertname</h2>
        <ul className="storm-counts" aria-label="Incidents by alertname">
          {storm.counts.map((c) => (
            <li key={c.alertname} className="badge">
              {c.alertname} ×{c.count}
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="storm-incidents-h">
        <h2 id="storm-incidents-h">Its incidents ({storm.totals.incidents})</h2>
        <table className="stack incidents" aria-label="Incidents of the storm">
          <thead>
            <tr>
              <th scope="col">Incident</th>
              <th scope="col">Status</th>
              <th scope="col">Role</th>
              <th scope="col">Opened</th>
            </tr>
          </thead>
          <tbody>
            {storm.incidents.map((i) => (
              <tr key={i.id} className={`incident-row status-row-${i.status}`}>
                <td>
                  <Link to={`/incidents/${i.number}`} className="incident-title">
                    #{i.number} {i.title}
                  </Link>
                </td>
                <td data-label="Status">
                  <IncidentStatusBadge status={i.status} />
                </td>
                <td data-label="Role">{i.storm?.role === 'page' ? 'storm page' : 'held'}</td>
                <td data-label="Opened">
                  <time dateTime={i.createdAt}>{formatTimestamp(i.createdAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {storm.incidents.length < storm.totals.incidents ? (
          <p className="hint">The newest {storm.incidents.length} are shown.</p>
        ) : null}
      </section>
    </article>
  );
}

function windowText(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

function totalsText(s: StormDetailJson): string {
  const t = s.totals;
  return `${t.incidents} (${t.held} held by the storm): ${t.triggered} triggered, ${t.acknowledged} acknowledged, ${t.resolved} resolved`;
}
