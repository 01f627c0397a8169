import type { IncidentDetailJson } from '@heinrich/contracts/incidents';
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import {
  useAddIncidentNote,
  useIncident,
  useIncidentAction,
  useIncidentExplanation,
  useIncidentNotifications,
  type IncidentAction,
} from '../../api/incidents';
import { useServices } from '../../api/services';
import { useUsers } from '../../api/users';
import { canRespond, useMe } from '../../auth/useMe';
import { FieldError } from '../../components/FieldError';
import { FormError } from '../../components/Form';
import { formatTimestamp, viewerZone } from '../../lib/time';
import { StormAcknowledgeAll } from '../storms/StormAcknowledgeAll';
import { StormBadge } from '../storms/StormBadge';
import { actorName } from './actor-name';
import { AlertsList } from './AlertsList';
import { DeliveryLog } from './DeliveryLog';
import { FlappingBadge } from './FlappingBadge';
import { MaintenanceBadge } from '../maintenance/MaintenanceBadge';
import { SuppressedBadge } from './SuppressedBadge';
import { IncidentStatusBadge } from './IncidentStatusBadge';
import { PagingExplanation } from './PagingExplanation';
import { ResolveButton } from './ResolveButton';
import { Timeline } from './Timeline';

/** What the page says after an action, besides the incident's new state. */
const NOTICE: Partial<Record<IncidentAction, string>> = {
  escalate: 'Escalation requested: the next step pages its people now.',
  silence: 'Acknowledged, and its alerts are silenced in Alertmanager for 1 hour.',
};

/**
 * One incident: what is wrong (alerts, labels, runbooks), what happened (the
 * timeline), who was paged and why, the delivery log, and the actions. Its
 * queries poll while visible (INCIDENT_POLL_MS), so the worker's escalation
 * steps and others' actions appear.
 */
export function IncidentPage() {
  const { id = '' } = useParams();
  // an action's outcome (busy, notice, error) belongs to one incident
  return <IncidentView key={id} id={id} />;
}

function IncidentView({ id }: { id: string }) {
  const me = useMe();
  const detail = useIncident(id);
  const incident = detail.data ?? null;
  // a failed poll keeps the page as it was and shows the error
  const loadError = detail.error;
  // the explanation and the delivery log are secondary: a failure there keeps the page
  const explain = useIncidentExplanation(incident?.id).data ?? null;
  const notifications = useIncidentNotifications(incident?.id).data?.items ?? null;
  const action = useIncidentAction();
  const busy = action.isPending ? action.variables.action : null;
  const notice = action.isSuccess ? (NOTICE[action.variables.action] ?? null) : null;
  const services = useServices();
  const users = useUsers();

  const service = useMemo(() => services.data?.find((s) => s.id === incident?.serviceId), [services.data, incident?.serviceId]);
  const userNames = useMemo(() => new Map((users.data ?? []).map((u) => [u.id, u.name])), [users.data]);

  if (!incident) {
    return (
      <section>
        <h1>Incident {/^\d+$/.test(id) ? `#${id}` : ''}</h1>
        {loadError ? <FormError error={loadError} /> : <p>Loading…</p>}
      </section>
    );
  }

  const mayAct = canRespond(me, service?.teamId);
  const open = incident.status !== 'resolved';

  const incidentId = incident.id;
  function act(what: IncidentAction) {
    action.mutate({ id: incidentId, action: what });
  }

  // silencing needs the alerts to be Alertmanager's (the API answers 409 otherwise)
  const hasAlertmanagerAlerts = incident.alerts.length > 0 && incident.timeline.some((e) => e.via === 'alertmanager');

  return (
    <article className="incident">
      <p>
        <Link to="/incidents">← All incidents</Link>
      </p>
      <header className="incident-head">
        <h1>
          #{incident.number} {incident.title}
        </h1>
        <dl className="kv">
          <dt>Status</dt>
          <dd>
            <IncidentStatusBadge status={incident.status} /> <FlappingBadge flapping={incident.flapping} /> <MaintenanceBadge maintenance={incident.maintenance} /> <SuppressedBadge suppressedBy={incident.suppressedBy} />
            <StormBadge storm={incident.storm} />
          </dd>
          <dt>Service</dt>
          <dd>
            <Link to={`/services/${incident.serviceId}`}>{incident.serviceName}</Link>
          </dd>
          <dt>Urgency</dt>
          <dd>{urgencyText(incident, service?.urgency)}</dd>
          <dt>Severity</dt>
          <dd>{incident.severity ?? '–'}</dd>
          <dt>Opened</dt>
          <dd>
            <time dateTime={incident.createdAt}>{formatTimestamp(incident.createdAt)}</time>
          </dd>
          {incident.acknowledgedAt ? (
            <>
              <dt>Acknowledged</dt>
              <dd>
                <time dateTime={incident.acknowledgedAt}>{formatTimestamp(incident.acknowledgedAt)}</time>
                {incident.acknowledgedBy ? ` by ${actorName(incident.acknowledgedBy, userNames)}` : ''}
              </dd>
            </>
          ) : null}
          {incident.resolvedAt ? (
            <>
              <dt>Resolved</dt>
              <dd>
                <time dateTime={incident.resolvedAt}>{formatTimestamp(incident.resolvedAt)}</time>
                {incident.resolvedBy ? ` by ${actorName(incident.resolvedBy, userNames)}` : ''}
              </dd>
            </>
          ) : null}
        </dl>
        <p className="hint">Times in your time zone ({viewerZone()}).</p>
      </header>

      {mayAct && open ? (
        <div className="actions" role="group" aria-label="Incident actions">
          {incident.status === 'triggered' ? (
            <button type="button" className="primary big" disabled={busy !== null} onClick={() => act('acknowledge')}>
              {busy === 'acknowledge' ? 'Acknowledging…' : 'Acknowledge'}
            </button>
          ) : null}
          <StormAcknowledgeAll incident={incident} />
          <ResolveButton incident={incident} busy={busy !== null} resolving={busy === 'resolve'} onResolve={() => act('resolve')} />
          {incident.status === 'triggered' ? (
            <button type="button" disabled={busy !== null} onClick={() => act('escalate')}>
              {busy === 'escalate' ? 'Escalating…' : 'Escalate now'}
            </button>
          ) : null}
          {hasAlertmanagerAlerts && incident.canSilence ? (
            <button type="button" disabled={busy !== null} onClick={() => act('silence')}>
              {busy === 'silence' ? 'Silencing…' : 'Silence 1 h'}
            </button>
          ) : null}
          {incident.firingAlerts > 0 ? (
            <p className="hint" role="note">
              {incident.firingAlerts === 1 ? '1 alert still fires' : `${incident.firingAlerts} alerts still fire`}: if you resolve now and
              Alertmanager sends {incident.firingAlerts === 1 ? 'it' : 'them'} again, a new incident opens and pages.
            </p>
          ) : null}
        </div>
      ) : null}
      {mayAct && open && hasAlertmanagerAlerts && !incident.canSilence ? (
        <p className="hint">To silence its alerts from here, set the Alertmanager URL on the service&apos;s integration key.</p>
      ) : null}
      {!mayAct && open ? (
        <p className="hint">You can read this incident; responders and leads of its service's team act on it.</p>
      ) : null}
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <FormError error={action.error} />
      {loadError ? <FormError error={loadError} /> : null}

      <div className="grid two">
        <div>
          <section className="card" aria-labelledby="alerts-h">
            <h2 id="alerts-h">
              Alerts ({incident.alertCounts.firing} firing of {incident.alertCounts.total})
            </h2>
            <AlertsList alerts={incident.alerts} truncated={incident.truncatedAlerts} />
          </section>
          <section className="card" aria-labelledby="why-h">
            <h2 id="why-h">Who was paged and why</h2>
            <PagingExplanation explain={explain} userNames={userNames} />
          </section>
        </div>
        <div>
          <section className="card" aria-labelledby="timeline-h">
            <h2 id="timeline-h">Timeline</h2>
            <Timeline events={incident.timeline} userNames={userNames} />
            {mayAct ? <NoteForm incidentId={incident.id} /> : null}
          </section>
          <section className="card" aria-labelledby="deliveries-h">
            <h2 id="deliveries-h">Delivery log</h2>
            <DeliveryLog notifications={notifications} userNames={userNames} />
          </section>
        </div>
      </div>
    </article>
  );
}

/** A note on the timeline; the incident is read again once it is added. */
function NoteForm({ incidentId }: { incidentId: string }) {
  const [text, setText] = useState('');
  const note = useAddIncidentNote(incidentId);
  const { error, isPending: busy } = note;
  function submit(e: FormEvent) {
    e.preventDefault();
    note.mutate(text, { onSuccess: () => setText('') });
  }
  return (
    <form onSubmit={submit} className="note-form">
      <div className="field">
        <label htmlFor="note-text">Add a note</label>
        <textarea id="note-text" value={text} onChange={(e) => setText(e.target.value)} rows={2} />
        <FieldError error={error} path="text" />
      </div>
      <FormError error={error} shownPaths={['text']} />
      <button type="submit" disabled={busy || text.trim() === ''}>
        {busy ? 'Adding…' : 'Add note'}
      </button>
    </form>
  );
}

/** The urgency the escalation decided (its start event), else what the service's setting implies. */
function urgencyText(incident: IncidentDetailJson, serviceUrgency: string | undefined): string {
  const started = incident.timeline.find((e) => e.type === 'escalation_started' && typeof e.data.urgency === 'string');
  if (started) {
    const reason = typeof started.data.urgencyReason === 'string' ? ` (${started.data.urgencyReason})` : '';
    return `${String(started.data.urgency)}${reason}`;
  }
  if (serviceUrgency === 'high' || serviceUrgency === 'low') return serviceUrgency;
  if (serviceUrgency === 'bySeverity') {
    const low = incident.severity === 'warning' || incident.severity === 'info';
    return `${low ? 'low' : 'high'} (by severity)`;
  }
  return '–';
}
