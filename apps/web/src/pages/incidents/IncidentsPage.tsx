import type { IncidentJson } from '@heinrich/contracts/incidents';
import type { ServiceJson } from '@heinrich/contracts/services';
import type { TeamJson } from '@heinrich/contracts/teams';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { asApiError, type ApiError } from '../../api/client';
import { acknowledgeIncident, listAllPages, listIncidents, listServices } from '../../api/incidents';
import { canRespond, useMe } from '../../auth/useMe';
import { FormError } from '../../components/Form';
import { formatAgo, formatTimestamp, formatTimeSeconds } from '../../lib/time';
import { useLoad } from '../../lib/useLoad';
import { usePolling } from '../../lib/usePolling';
import { IncidentStatusBadge } from './IncidentStatusBadge';
import { parseStatusFilter, STATUS_FILTERS, type StatusFilter } from './incident-filters';

/** How often the list asks for news while the tab is visible. */
export const INCIDENTS_POLL_MS = 4_000;

/**
 * The live incident list: polls while visible (a new incident shows up without
 * a reload), filters kept in the URL, and a big Acknowledge on each triggered
 * row for whoever may respond to it.
 */
export function IncidentsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const status = parseStatusFilter(params.get('status'));
  const serviceId = params.get('serviceId') ?? '';
  const teamId = params.get('teamId') ?? '';
  const [incidents, setIncidents] = useState<IncidentJson[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const services = useLoad(listServices, []);
  const teams = useLoad(() => listAllPages<TeamJson>('/teams'), []);

  const serviceById = useMemo(() => new Map((services.data ?? []).map((s) => [s.id, s])), [services.data]);

  const refresh = async () => {
    try {
      const page = await listIncidents({ status: [...STATUS_FILTERS[status].statuses], serviceId: serviceId || undefined });
      setIncidents(page.items);
      setError(null);
      setUpdatedAt(new Date());
    } catch (err) {
      setError(asApiError(err));
    }
  };
  usePolling(refresh, INCIDENTS_POLL_MS, [status, serviceId]);

  // the API filters by service; a team is its services
  const shown = (incidents ?? []).filter((i) => !teamId || serviceById.get(i.serviceId)?.teamId === teamId);

  function setFilter(key: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }

  async function acknowledge(incident: IncidentJson) {
    setBusy(incident.id);
    setActionError(null);
    try {
      const updated = await acknowledgeIncident(incident.id);
      setIncidents((list) => (list ?? []).map((i) => (i.id === updated.id ? { ...i, ...pickListFields(updated) } : i)));
    } catch (err) {
      setActionError(asApiError(err));
    } finally {
      setBusy(null);
    }
  }

  const now = updatedAt ?? new Date();
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
      <FormError error={actionError} />
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
                onAcknowledge={() => void acknowledge(i)}
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
      </td>
      <td data-label="Status">
        <IncidentStatusBadge status={i.status} />
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

function pickListFields(d: IncidentJson): IncidentJson {
  const { id, number, title, status, serviceId, serviceName, severity, groupLabels, alertCounts, truncatedAlerts, createdAt, acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy } = d;
  return { id, number, title, status, serviceId, serviceName, severity, groupLabels, alertCounts, truncatedAlerts, createdAt, acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy };
}
