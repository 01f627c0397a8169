import type { EscalationPolicyJson } from '@heinrich/contracts/escalation-policies';
import type { ServiceJson } from '@heinrich/contracts/services';
import type { TeamJson } from '@heinrich/contracts/teams';
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/client';
import { canEditTeam, isAdmin, useMe } from '../../auth/useMe';
import { Field, FormError } from '../../components/Form';
import { TeamSelect } from '../../components/TeamSelect';

export interface ServiceDraft {
  name: string;
  description: string;
  teamId: string;
  escalationPolicyId: string;
  urgency: 'high' | 'low' | 'bySeverity';
  groupBy: string;
  autoResolve: boolean;
  ackTimeoutMinutes: string;
  routingName: string;
}

export function draftOf(s: ServiceJson | null, defaultTeamId = ''): ServiceDraft {
  return {
    name: s?.name ?? '',
    description: s?.description ?? '',
    teamId: s ? (s.teamId ?? '') : defaultTeamId,
    escalationPolicyId: s?.escalationPolicyId ?? '',
    urgency: s?.urgency ?? 'high',
    groupBy: (s?.groupBy ?? []).join(', '),
    autoResolve: s?.autoResolve ?? true,
    ackTimeoutMinutes: s?.ackTimeoutMinutes == null ? '' : String(s.ackTimeoutMinutes),
    routingName: s?.routingName ?? '',
  };
}

/**
 * The body the API takes. Values are passed as typed (a bad label name or a
 * minute count that is not a number reaches the API, which names the field).
 */
export function bodyOf(d: ServiceDraft): Record<string, unknown> {
  const minutes = d.ackTimeoutMinutes.trim();
  return {
    name: d.name,
    description: d.description.trim() === '' ? null : d.description,
    teamId: d.teamId || null,
    escalationPolicyId: d.escalationPolicyId || null,
    urgency: d.urgency,
    groupBy: d.groupBy
      .split(/[\s,]+/)
      .map((l) => l.trim())
      .filter(Boolean),
    autoResolve: d.autoResolve,
    ackTimeoutMinutes: minutes === '' ? null : Number.isFinite(Number(minutes)) ? Number(minutes) : minutes,
    routingName: d.routingName.trim() === '' ? null : d.routingName.trim(),
  };
}

const SHOWN = ['name', 'description', 'teamId', 'escalationPolicyId', 'urgency', 'groupBy', 'autoResolve', 'ackTimeoutMinutes', 'routingName'];

/** Create and edit a service; errors from the API under the field they concern. */
export function ServiceForm(props: {
  initial: ServiceDraft;
  teams: TeamJson[];
  policies: EscalationPolicyJson[];
  error: ApiError | null;
  busy: boolean;
  submitLabel: string;
  onSubmit(draft: ServiceDraft): void;
}) {
  const me = useMe();
  const [d, setD] = useState(props.initial);
  const set = <K extends keyof ServiceDraft>(k: K, v: ServiceDraft[K]) => setD((prev) => ({ ...prev, [k]: v }));
  // a lead picks among the teams they lead (the API would refuse the others)
  const teams = props.teams.filter((t) => canEditTeam(me, t.id) || t.id === props.initial.teamId);
  const policies = props.policies.filter((p) => !d.teamId || p.teamId === d.teamId || p.teamId === null || p.id === d.escalationPolicyId);
  const err = props.error;

  function submit(e: FormEvent) {
    e.preventDefault();
    props.onSubmit(d);
  }
  return (
    <form onSubmit={submit} noValidate className="service-form">
      <FormError error={err} shownPaths={SHOWN} />
      <Field label="Name" path="name" error={err}>
        {(p) => <input {...p} value={d.name} onChange={(e) => set('name', e.target.value)} required maxLength={200} />}
      </Field>
      <Field label="Description" path="description" error={err}>
        {(p) => <textarea {...p} value={d.description} onChange={(e) => set('description', e.target.value)} rows={2} />}
      </Field>
      <Field label="Team" path="teamId" error={err} hint="Leads of the team change the service; its responders act on its incidents.">
        {(p) => (
          <TeamSelect {...p} teams={teams} value={d.teamId} onChange={(teamId) => set('teamId', teamId)} emptyLabel={isAdmin(me) ? 'No team (admins only)' : 'Choose a team'} />
        )}
      </Field>
      <Field label="Escalation policy" path="escalationPolicyId" error={err}>
        {(p) => (
          <select {...p} value={d.escalationPolicyId} onChange={(e) => set('escalationPolicyId', e.target.value)}>
            <option value="">None (incidents page nobody)</option>
            {policies.map((pol) => (
              <option key={pol.id} value={pol.id}>
                {pol.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="Urgency"
        path="urgency"
        error={err}
        hint="Low urgency pages the first step only and never calls. By severity: warning and info alerts are low, the rest high."
      >
        {(p) => (
          <select {...p} value={d.urgency} onChange={(e) => set('urgency', e.target.value as ServiceDraft['urgency'])}>
            <option value="high">High</option>
            <option value="low">Low</option>
            <option value="bySeverity">By alert severity</option>
          </select>
        )}
      </Field>
      <Field
        label="Group alerts by labels"
        path="groupBy"
        error={err}
        hint="Comma-separated label names, e.g. node, cluster. Empty: one incident per Alertmanager group."
      >
        {(p) => <input {...p} value={d.groupBy} onChange={(e) => set('groupBy', e.target.value)} placeholder="node, cluster" />}
      </Field>
      {(err?.fields ?? [])
        .filter((f) => f.path.startsWith('groupBy.'))
        .map((f) => (
          <p key={f.path} className="field-error" role="alert">
            Label {Number(f.path.split('.')[1]) + 1}: {f.message}
          </p>
        ))}
      <Field
        label="Re-trigger acknowledged incidents after (minutes)"
        path="ackTimeoutMinutes"
        error={err}
        hint="Empty: never. An acknowledged incident not resolved in time triggers again and escalates from step 1."
      >
        {(p) => (
          <input {...p} inputMode="numeric" value={d.ackTimeoutMinutes} onChange={(e) => set('ackTimeoutMinutes', e.target.value)} />
        )}
      </Field>
      <Field label="Routing name (optional)" path="routingName" error={err} hint="A routing integration's route can send alerts here by a label's value, e.g. team=&quot;db&quot; (docs/routing.md)">
        {(p) => <input {...p} value={d.routingName} onChange={(e) => set('routingName', e.target.value)} placeholder="db" />}
      </Field>
      <div className="field">
        <label>
          <input type="checkbox" checked={d.autoResolve} onChange={(e) => set('autoResolve', e.target.checked)} /> Resolve the
          incident when its last alert resolves
        </label>
      </div>
      <button type="submit" className="primary" disabled={props.busy}>
        {props.busy ? 'Saving…' : props.submitLabel}
      </button>
    </form>
  );
}
