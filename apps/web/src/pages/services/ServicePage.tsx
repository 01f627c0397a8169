import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { usePolicies } from '../../api/policies';
import { useDeleteService, useService, useUpdateService } from '../../api/services';
import { useTeams } from '../../api/teams';
import { canEditTeam, useMe } from '../../auth/useMe';
import { FormError } from '../../components/Form';
import { formatTimestamp } from '../../lib/time';
import { AlertRules } from './AlertRules';
import { Heartbeats } from './Heartbeats';
import { IntegrationKeys } from './IntegrationKeys';
import { bodyOf, draftOf, ServiceForm, type ServiceDraft } from './ServiceForm';
// hu: paging-readiness findings of this object (issue 23)
import { ReadinessBanner } from '../../components/ReadinessFindings';

export function ServicePage() {
  const { id = '' } = useParams();
  // one service's page: the editor's state and a write's outcome do not carry over to another's
  return <ServiceView key={id} id={id} />;
}

function ServiceView({ id }: { id: string }) {
  const me = useMe();
  const navigate = useNavigate();
  const service = useService(id);
  const teams = useTeams();
  const policies = usePolicies();
  const [search, setSearch] = useSearchParams();
  // ?edit=1 (the "pages nobody" banner's link) opens the editor
  const [editing, setEditingState] = useState(search.get('edit') === '1');
  const setEditing = (on: boolean) => {
    setEditingState(on);
    if (!on && search.has('edit')) setSearch({}, { replace: true });
  };
  const update = useUpdateService(id);
  const del = useDeleteService(id);
  const error = update.error ?? del.error;
  const busy = update.isPending;
  const saved = update.isSuccess && !editing;

  const s = service.data;
  if (!s) {
    return (
      <section>
        <h1>Service</h1>
        {service.error ? <FormError error={service.error} /> : <p>Loading…</p>}
      </section>
    );
  }
  const mayEdit = canEditTeam(me, s.teamId);
  const team = teams.data?.find((t) => t.id === s.teamId);
  const policy = policies.data?.find((p) => p.id === s.escalationPolicyId);

  function save(d: ServiceDraft) {
    update.mutate(bodyOf(d), { onSuccess: () => setEditing(false) });
  }

  function remove() {
    if (!s || !window.confirm(`Delete service ${s.name} with its integration keys and incidents? This cannot be undone.`)) return;
    del.mutate(undefined, { onSuccess: () => void navigate('/services') });
  }

  return (
    <article>
      <p>
        <Link to="/services">← All services</Link>
      </p>
      <div className="page-head">
        <h1>{s.name}</h1>
        <div className="row">
          <Link className="button" to={`/incidents?serviceId=${s.id}&status=all`}>
            Incidents
          </Link>
          {mayEdit && !editing ? (
            <button type="button" onClick={() => setEditing(true)}>
              Edit
            </button>
          ) : null}
        </div>
      </div>
      {/* hu: readiness findings */}
      <ReadinessBanner objectId={s.id} />
      {!s.escalationPolicyId ? (
        <div className="warning-banner" role="status">
          <p>
            <strong>This service pages nobody.</strong> Its incidents are listed but no one is notified.{' '}
            {mayEdit ? <Link to="?edit=1" onClick={() => setEditingState(true)}>Set an escalation policy</Link> : 'A lead of its team can set an escalation policy.'}
          </p>
        </div>
      ) : null}
      {saved ? (
        <p className="notice" role="status">
          Saved.
        </p>
      ) : null}
      {editing ? (
        <section className="card" aria-labelledby="edit-h">
          <h2 id="edit-h">Edit service</h2>
          <ServiceForm
            initial={draftOf(s)}
            teams={teams.data ?? []}
            policies={policies.data ?? []}
            error={error}
            busy={busy}
            submitLabel="Save"
            onSubmit={save}
          />
          <div className="row" style={{ marginTop: '0.5rem' }}>
            <button type="button" className="link-button" onClick={() => setEditing(false)}>
              Cancel
            </button>
            <span className="spacer" />
            <button type="button" className="danger small" onClick={remove}>
              Delete service
            </button>
          </div>
        </section>
      ) : (
        <section className="card">
          <FormError error={error} />
          <dl className="kv">
            <dt>Description</dt>
            <dd>{s.description ?? '–'}</dd>
            <dt>Team</dt>
            <dd>{s.teamId ? <Link to={`/teams/${s.teamId}`}>{team?.name ?? 'team'}</Link> : 'none (admins only)'}</dd>
            <dt>Escalation policy</dt>
            <dd>
              {s.escalationPolicyId ? (
                <Link to={`/policies/${s.escalationPolicyId}`}>{policy?.name ?? 'policy'}</Link>
              ) : (
                <span className="urgency-high">none: incidents page nobody</span>
              )}
            </dd>
            <dt>Urgency</dt>
            <dd>{s.urgency === 'bySeverity' ? 'by alert severity' : s.urgency}</dd>
            <dt>Grouped by</dt>
            <dd>{s.groupBy.length ? s.groupBy.join(', ') : 'the Alertmanager group'}</dd>
            <dt>Auto-resolve</dt>
            <dd>{s.autoResolve ? 'yes, when the last alert resolves' : 'no'}</dd>
            <dt>Re-trigger after ack</dt>
            <dd>{s.ackTimeoutMinutes ? `${s.ackTimeoutMinutes} min` : 'never'}</dd>
            <dt>Late copies after a manual resolve</dt>
            <dd>ignored for {s.noise.lateCopySeconds} s</dd>
            <dt>Flapping</dt>
            <dd>{s.noise.flapping.enabled ? `${s.noise.flapping.changes} changes within ${s.noise.flapping.windowSeconds / 60} min` : 'off'}</dd>
            <dt>Storm</dt>
            <dd>
              {s.noise.storm.enabled
                ? `more than ${s.noise.storm.incidents} new incidents within ${s.noise.storm.windowSeconds / 60} min; ends after ${s.noise.storm.quietSeconds / 60} min without one`
                : 'off'}
            </dd>
            <dt>Updated</dt>
            <dd>{formatTimestamp(s.updatedAt)}</dd>
          </dl>
        </section>
      )}
      <section className="card" aria-labelledby="keys-h">
        <h2 id="keys-h">Integration keys</h2>
        <IntegrationKeys serviceId={s.id} mayEdit={mayEdit} />
      </section>
      <section className="card" aria-labelledby="alert-rules-h">
        <h2 id="alert-rules-h">Alert rules</h2>
        <AlertRules serviceId={s.id} mayEdit={mayEdit} />
      </section>
      <section className="card" aria-labelledby="heartbeats-h">
        <h2 id="heartbeats-h">Heartbeats</h2>
        <Heartbeats serviceId={s.id} mayEdit={mayEdit} />
      </section>
    </article>
  );
}
