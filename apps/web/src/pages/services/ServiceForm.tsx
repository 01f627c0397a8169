import type { EscalationPolicyJson } from '@heinrich/contracts/escalation-policies';
import type { ServiceJson } from '@heinrich/contracts/services';
import type { TeamJson } from '@heinrich/contracts/teams';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { canEditTeam, isAdmin, useMe } from '../../auth/useMe';
import { Field, FormError } from '../../components/Form';
import { fieldErrorId } from '../../components/FieldError';
import { LabelChips, withTyped } from '../../components/LabelChips';
import { TeamSelect } from '../../components/TeamSelect';

export interface ServiceDraft {
  name: string;
  description: string;
  teamId: string;
  escalationPolicyId: string;
  /** chosen on purpose: incidents of this service notify no one (a new service needs a policy or this) */
  pageNobody: boolean;
  urgency: 'high' | 'low' | 'bySeverity';
  groupBy: string[];
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
    // a saved service without a policy was saved that way; a new one starts undecided
    pageNobody: s ? s.escalationPolicyId === null : false,
    urgency: s?.urgency ?? 'high',
    groupBy: [...(s?.groupBy ?? [])],
    autoResolve: s?.autoResolve ?? true,
    ackTimeoutMinutes: s?.ackTimeoutMinutes == null ? '' : String(s.ackTimeoutMinutes),
    routingName: s?.routingName ?? '',
  };
}

/**
 * The body the API takes. Values are passed as typed (a minute count that is
 * not a number reaches the API, which names the field); "page nobody" sends no policy.
 */
export function bodyOf(d: ServiceDraft): Record<string, unknown> {
  const minutes = d.ackTimeoutMinutes.trim();
  return {
    name: d.name,
    description: d.description.trim() === '' ? null : d.description,
    teamId: d.teamId || null,
    escalationPolicyId: d.pageNobody ? null : d.escalationPolicyId || null,
    urgency: d.urgency,
    groupBy: d.groupBy,
    autoResolve: d.autoResolve,
    ackTimeoutMinutes: minutes === '' ? null : Number.isFinite(Number(minutes)) ? Number(minutes) : minutes,
    routingName: d.routingName.trim() === '' ? null : d.routingName.trim(),
  };
}

/** What the form refuses before asking the API: no policy without choosing "page nobody". */
export function draftProblems(d: ServiceDraft): { path: string; message: string }[] {
  return !d.pageNobody && !d.escalationPolicyId
    ? [{ path: 'escalationPolicyId', message: 'Choose an escalation policy, or choose “Page nobody” if no one should be notified.' }]
    : [];
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
  const [local, setLocal] = useState<ApiError | null>(null);
  const set = <K extends keyof ServiceDraft>(k: K, v: ServiceDraft[K]) => {
    setLocal(null);
    setD((prev) => ({ ...prev, [k]: v }));
  };
  // a lead picks among the teams they lead (the API would refuse the others)
  const teams = props.teams.filter((t) => canEditTeam(me, t.id) || t.id === props.initial.teamId);
  const policies = props.policies.filter((p) => !d.teamId || p.teamId === d.teamId || p.teamId === null || p.id === d.escalationPolicyId);
  const [labelText, setLabelText] = useState('');
  const [labelRefusal, setLabelRefusal] = useState<string | null>(null);
  const err = local ?? props.error;

  function submit(e: FormEvent) {
    e.preventDefault();
    const typed = withTyped(d.groupBy, labelText);
    setLabelRefusal('problem' in typed ? typed.problem : null);
    const problems = draftProblems(d);
    setLocal(problems.length ? new ApiError(400, 'validation_failed', 'Check the form', problems) : null);
    if ('problem' in typed || problems.length) return;
    setLabelText('');
    set('groupBy', typed.labels);
    props.onSubmit({ ...d, groupBy: typed.labels });
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
      <fieldset className="paging-choice">
        <legend>When an incident opens</legend>
        <label className="choice">
          <input type="radio" name="paging" checked={!d.pageNobody} onChange={() => set('pageNobody', false)} /> Page people through an escalation policy
        </label>
        <Field label="Escalation policy" path="escalationPolicyId" error={err}>
          {(p) => (
            <select
              {...p}
              value={d.escalationPolicyId}
              disabled={d.pageNobody}
              onChange={(e) => set('escalationPolicyId', e.target.value)}
            >
              <option value="">Choose a policy…</option>
              {policies.map((pol) => (
                <option key={pol.id} value={pol.id}>
                  {pol.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="choice">
          <input type="radio" name="paging" checked={d.pageNobody} onChange={() => set('pageNobody', true)} /> Page nobody: incidents are only
          listed here, no one is notified
        </label>
      </fieldset>
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
        hint="Type a label name and press Enter, e.g. node, then cluster. None: one incident per Alertmanager group."
      >
        {(p) => (
          <LabelChips
            {...p}
            value={d.groupBy}
            onChange={(labels) => set('groupBy', labels)}
            text={labelText}
            onTextChange={(t) => {
              setLabelText(t);
              setLabelRefusal(null);
            }}
            refusal={labelRefusal}
            errorId={`${fieldErrorId('groupBy')}-typed`}
            placeholder="node"
          />
        )}
      </Field>
      {(err?.fields ?? [])
        .filter((f) => f.path.startsWith('groupBy.'))
        .map((f) => (
          <p key={f.path} className="field-error" role="alert">
            Label {d.groupBy[Number(f.path.split('.')[1])] ?? Number(f.path.split('.')[1]) + 1}: {f.message}
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
      <Field label="Routing name (optional)" path="routingName" error={err} hint="A routing integration's route can send alerts here by a label's value, e.g. team=&quot;db&quot;.">
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
