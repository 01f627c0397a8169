import type { EscalationPolicyJson } from '@heinrich/contracts/escalation-policies';
import type { ScheduleJson } from '@heinrich/contracts/schedules';
import type { TeamJson } from '@heinrich/contracts/teams';
import type { UserJson } from '@heinrich/contracts/users';
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCreatePolicy, usePolicies } from '../../api/policies';
import { useSchedules } from '../../api/schedules';
import { useTeams } from '../../api/teams';
import { useUsers } from '../../api/users';
import { canEditTeam, useMe } from '../../auth/useMe';
import { Field, FormError } from '../../components/Form';
import { TeamSelect } from '../../components/TeamSelect';
import { draftToBody, type PolicyDraft } from './policy-draft';
import { StepsEditor, stepsShownPaths } from './StepsEditor';
import '../schedules/schedules.css';

function NewPolicyForm({ teams, users, schedules, onCancel }: { teams: TeamJson[]; users: UserJson[]; schedules: ScheduleJson[]; onCancel: () => void }) {
  const navigate = useNavigate();
  const [teamId, setTeamId] = useState(teams.length === 1 ? teams[0]!.id : '');
  const [draft, setDraft] = useState<PolicyDraft>({ name: '', repeat: '0', steps: [{ delayMinutes: '15', targets: [{ type: 'schedule', id: '' }] }] });
  const create = useCreatePolicy();
  const error = create.error;
  const busy = create.isPending || create.isSuccess;
  const people = useMemo(() => users.map((u) => ({ id: u.id, name: u.name })).sort((a, b) => a.name.localeCompare(b.name)), [users]);
  // the team's own schedules first: the usual target
  const scheduleChoices = useMemo(
    () => [...schedules].sort((a, b) => Number(b.teamId === teamId) - Number(a.teamId === teamId)).map((s) => ({ id: s.id, name: s.name })),
    [schedules, teamId],
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate({ ...draftToBody(draft), teamId }, { onSuccess: (p) => void navigate(`/policies/${p.id}`) });
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-policy-heading">
      <h2 id="new-policy-heading">New escalation policy</h2>
      <div className="field-row">
        <Field label="Name" path="name" error={error}>
          {(props) => <input {...props} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required maxLength={200} />}
        </Field>
        <Field label="Team" path="teamId" error={error}>
          {(props) => <TeamSelect {...props} teams={teams} value={teamId} onChange={setTeamId} required />}
        </Field>
      </div>
      <StepsEditor draft={draft} users={people} schedules={scheduleChoices} error={error} onChange={setDraft} />
      <FormError error={error} shownPaths={['teamId', ...stepsShownPaths(draft)]} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create policy'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Every escalation policy with its team and steps; leads and admins create new ones here. */
export function PoliciesPage() {
  const me = useMe();
  const policiesQuery = usePolicies();
  const teamsQuery = useTeams();
  const usersQuery = useUsers();
  const schedulesQuery = useSchedules();
  const policies = policiesQuery.data ?? null;
  const teams = useMemo(() => teamsQuery.data ?? [], [teamsQuery.data]);
  const users = useMemo(() => usersQuery.data ?? [], [usersQuery.data]);
  const schedules = useMemo(() => schedulesQuery.data ?? [], [schedulesQuery.data]);
  const error = policiesQuery.error ?? teamsQuery.error ?? usersQuery.error ?? schedulesQuery.error;
  const [creating, setCreating] = useState(false);

  const editableTeams = teams.filter((t) => canEditTeam(me, t.id));
  const teamName = (id: string | null) => (id ? (teams.find((t) => t.id === id)?.name ?? 'unknown team') : 'no team');
  const userName = (id: string) => users.find((u) => u.id === id)?.name ?? 'unknown user';
  const scheduleName = (id: string) => schedules.find((s) => s.id === id)?.name ?? 'unknown schedule';
  const firstStep = (p: EscalationPolicyJson) =>
    (p.steps[0]?.targets ?? []).map((t) => (t.type === 'user' ? userName(t.id) : t.type === 'schedule' ? `on call in ${scheduleName(t.id)}` : `Slack ${t.id}`)).join(', ');

  return (
    <>
      <div className="page-head">
        <h1>Escalation policies</h1>
        {editableTeams.length > 0 && !creating ? (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            New escalation policy
          </button>
        ) : null}
      </div>
      {creating ? <NewPolicyForm teams={editableTeams} users={users} schedules={schedules} onCancel={() => setCreating(false)} /> : null}
      <FormError error={error} />
      {policies === null && !error ? <p aria-live="polite">Loading escalation policies…</p> : null}
      {policies && policies.length === 0 ? <p>No escalation policies yet.</p> : null}
      {policies && policies.length > 0 ? (
        <ul className="policy-list">
          {policies.map((p) => (
            <li key={p.id} className="card policy-item">
              <h2>
                <Link to={`/policies/${p.id}`}>{p.name}</Link>
              </h2>
              <p className="hint">
                Team {teamName(p.teamId)} · {p.steps.length} step{p.steps.length === 1 ? '' : 's'}
                {p.repeat > 0 ? ` · repeats ${p.repeat}×` : ''}
              </p>
              <p>First pages: {firstStep(p) || 'nobody'}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
