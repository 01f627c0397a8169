import type { IncidentJson } from '@heinrich/contracts/incidents';
import type { ServiceJson } from '@heinrich/contracts/services';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useIncidentAction, useIncidents } from '../../api/incidents';
import { useServices } from '../../api/services';
import { useTeams } from '../../api/teams';
import { canRespond, useMe } from '../../auth/useMe';
import { FormError } from '../../components/Form';
import { formatAgo, formatTimestamp, formatTimeSeconds } from '../../lib/time';
import { StormBadge } from '../storms/StormBadge';
import { FlappingBadge } from './FlappingBadge';
import { MaintenanceBadge } from '../maintenance/MaintenanceBadge';
import { SuppressedBadge } from './SuppressedBadge';
import { IncidentStatusBadge } from './IncidentStatusBadge';
import { parseStatusFilter, STATUS_FILTERS, type StatusFilter } from './incident-filters';

/**
 * The live incident list: polls while visible (every INCIDENT_POLL_MS, a new
 * incident shows up without a reload), filters kept in the URL, and a big
 * Acknowledge on each triggered row for whoever may respond to it.
 */
export function IncidentsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const status = parseStatusFilter(params.get('status'));
  const serviceId = params.get('serviceId') ?? '';
  const teamId = params.get('teamId') ?? '';
  // keyed by the filter: a change shows "Loading" until its own answer, never the previous filter's list
  const list = useIncidents({ status: [...STATUS_FILTERS[status].statuses], serviceId: serviceId || undefined });
  const incidents = list.data?.items ?? null;
  // a failed poll keeps the last list and says so
  const error = list.error;
  const updatedAt = list.dataUpdatedAt ? new Date(list.dataUpdatedAt) : null;
  const action = useIncidentAction();
  const busy = action.isPending ? action.variables.id : null;
  const services = useServices();
  const teams = useTeams();

  const serviceById = useMemo(() => new Map((services.data ?? []).map((s) => [s.id, s])), [services.data]);

  // the API filters by service; a team is its services
  const shown = (incidents ?? []).filter((i) => !teamId || serviceById.get(i.serviceId)?.teamId === teamId);

  function setFilter(key: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }

  function acknowledge(incident: IncidentJson) {
    // the answer replaces the row at once (useIncidentAction), the list is read again
    action.mutate({ id: incident.id, action: 'acknowledge' });
  }

  // "3 min ago" counts from the answer's time, so rows age with each poll
  const now = new Date(list.dataUpdatedAt);
  return (
    <section>
      <div className="page-head">
        <h1>Incidents</h1>
        <p className="live" aria-live="off">
          {updatedAt ? `Live: updated ${formatTimeSeconds(updatedAt)}` : 'Loading…'}
        </p>
      </div>
      <form className="filters" role="search" aria-label="Filter incidents" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" value={status} onChange={(e) => setFilter('status', e.target.value === 'open' ? '' : e.target.value)}>
            {(Object.keys(STATUS_FILTERS) as StatusFilter[]).map((k) => (
              <option key={k} value={k}>
                {STATUS_FILTERS[k].label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-service">Service</label>
          <select id="filter-service" value={serviceId} onChange={(e) => setFilter('serviceId', e.target.value)}>
            <option value="">All services</option>
            {(services.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-team">Team</label>
          <select id="filter-team" value={teamId} onChange={(e) => setFilter('teamId', e.target.value)}>
            <option value="">All teams</option>
            {(teams.data ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
      </form>
      <FormError error={error} />
      <FormError error={action.error} />
      {incidents === null && !error ? <p>Loading incidents…</p> : null}
      {incidents !== null && shown.length === 0 ? <p className="card">No incidents match these filters. All quiet.</p> : null}
      {shown.length > 0 ? (
        <p className="muted" id="incident-count">
          {shown.length} {shown.length === 1 ? 'incident' : 'incidents'}
        </p>
      ) : null}
      {shown.length > 0 ? (
        <table className="stack incidents" aria-describedby="incident-count">
          <thead>
            <tr>
              <th scope="col">Incident</th>
              <th scope="col">Status</th>
              <th scope="col">Service</th>
              <th scope="col">Opened</th>
              <th scope="col">Alerts</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((i) => (
              <IncidentRow
                key={i.id}
                incident={i}
                service={serviceById.get(i.serviceId)}
                now={now}
                canAct={canRespond(me, serviceById.get(i.serviceId)?.teamId)}
                busy={busy === i.id}
                onAcknowledge={() => acknowledge(i)}
              />
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function IncidentRow(props: {
  incident: IncidentJson;
  service: ServiceJson | undefined;
  now: Date;
  canAct: boolean;
  busy: boolean;
  onAcknowledge(): void;
}) {
  const { incident: i } = props;
  return (
    <tr className={`incident-row status-row-${i.status}`}>
      <td>
        <Link to={`/incidents/${i.number}`} className="incident-title">
          #{i.number} {i.title}
        </Link>
        {i.severity ? <span className="muted"> · {i.severity}</span> : null}
        <StormBadge storm={i.storm} />
      </td>
      <td data-label="Status">
        <IncidentStatusBadge status={i.status} /> <FlappingBadge flapping={i.flapping} /> <MaintenanceBadge maintenance={i.maintenance} /> <SuppressedBadge suppressedBy={i.suppressedBy} />
      </td>
      <td data-label="Service">{i.serviceName}</td>
      <td data-label="Opened">
        <time dateTime={i.createdAt} title={formatTimestamp(i.createdAt)}>
          {formatAgo(i.createdAt, props.now)}
        </time>
      </td>
      <td data-label="Alerts">
        {i.alertCounts.firing} firing / {i.alertCounts.total}
      </td>
      <td>
        {i.status === 'triggered' && props.canAct ? (
          <button
            type="button"
            className="primary big ack"
            disabled={props.busy}
            onClick={props.onAcknowledge}
            aria-label={`Acknowledge #${i.number}`}
          >
            {props.busy ? 'Acknowledging…' : 'Acknowledge'}
          </button>
        ) : null}
      </td>
    </tr>
  );
}
