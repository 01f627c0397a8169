import type { EscalationPolicyJson } from '@heinrich/contracts/escalation-policies';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useDeletePolicy, usePolicy, useUpdatePolicy } from '../../api/policies';
import { useSchedules } from '../../api/schedules';
import { useTeams } from '../../api/teams';
import { useUsers } from '../../api/users';
import { canEditTeam, useMe } from '../../auth/useMe';
import { Field, FormError } from '../../components/Form';
import { DeleteButton } from '../schedules/DeleteButton';
import { viewerZone } from '../../lib/time';
import { draftToBody, policyToDraft, sameDraft, type PolicyDraft } from './policy-draft';
import { SimulationPanel } from './SimulationPanel';
import { StepsEditor, stepsShownPaths } from './StepsEditor';
import '../schedules/schedules.css';
// hu: paging-readiness findings of this object (issue 23)
import { ReadinessBanner } from '../../components/ReadinessFindings';

interface Lookups {
  userName: (id: string) => string;
  scheduleName: (id: string) => string;
}

function targetText(t: { type: string; id: string }, l: Lookups): string {
  if (t.type === 'user') return l.userName(t.id);
  if (t.type === 'schedule') return `on call in ${l.scheduleName(t.id)}`;
  return `Slack channel ${t.id}`;
}

/** The saved steps in words, for those who read (and for editors before they edit). */
function StepsView({ policy, lookups }: { policy: EscalationPolicyJson; lookups: Lookups }) {
  return (
    <ol className="steps-view">
      {policy.steps.map((s, i) => (
        <li key={i}>
          Page {s.targets.map((t) => targetText(t, lookups)).join(', ')}; after {s.delayMinutes} min{' '}
          {i < policy.steps.length - 1 ? 'go to the next step' : policy.repeat > 0 ? 'start over' : 'stop escalating'}.
        </li>
      ))}
      {policy.repeat > 0 ? <li className="hint">Repeats all steps {policy.repeat} more time{policy.repeat === 1 ? '' : 's'}.</li> : null}
    </ol>
  );
}

/**
 * One escalation policy: its steps, the editor (team leads, admins) and the
 * simulation of what the saved policy would do for an incident now.
 */
export function PolicyDetailPage() {
  const { id = '' } = useParams();
  const policy = usePolicy(id);
  const update = useUpdatePolicy(id);
  if (policy.error) {
    return (
      <>
        <h1>Escalation policy</h1>
        <FormError error={policy.error} />
        <Link to="/policies">All escalation policies</Link>
      </>
    );
  }
  if (!policy.data) return <p aria-live="polite">Loading escalation policy…</p>;
  // the draft starts from the policy as saved: another policy, or a save, starts it again
  return <PolicyView key={`${policy.data.id}@${policy.data.updatedAt}`} policy={policy.data} update={update} />;
}

function PolicyView({ policy, update }: { policy: EscalationPolicyJson; update: ReturnType<typeof useUpdatePolicy> }) {
  const me = useMe();
  const navigate = useNavigate();
  const zone = useMemo(() => viewerZone(), []);
  const [draft, setDraft] = useState<PolicyDraft>(() => policyToDraft(policy));
  const usersQuery = useUsers();
  const schedulesQuery = useSchedules();
  const teamsQuery = useTeams();
  const users = useMemo(() => usersQuery.data ?? [], [usersQuery.data]);
  const schedules = useMemo(() => schedulesQuery.data ?? [], [schedulesQuery.data]);
  const teams = teamsQuery.data ?? [];
  const remove = useDeletePolicy(policy.id);
  const error = update.error;
  const busy = update.isPending;
  const saved =
    update.isSuccess && update.data.id === policy.id
      ? 'Saved. The simulation below shows the saved policy. Escalations already under way keep the policy as it was when they began.'
      : null;

  const lookups = useMemo<Lookups>(() => {
    const u = new Map(users.map((x) => [x.id, x.name]));
    const s = new Map(schedules.map((x) => [x.id, x.name]));
    return { userName: (x) => u.get(x) ?? 'unknown user', scheduleName: (x) => s.get(x) ?? 'unknown schedule' };
  }, [users, schedules]);
  const people = useMemo(() => users.map((u) => ({ id: u.id, name: u.name })).sort((a, b) => a.name.localeCompare(b.name)), [users]);
  const scheduleChoices = useMemo(() => schedules.map((s) => ({ id: s.id, name: s.name })), [schedules]);

  const mayEdit = canEditTeam(me, policy.teamId);
  const dirty = !sameDraft(draft, policyToDraft(policy));
  const teamName = teams.find((t) => t.id === policy.teamId)?.name;

  function save() {
    // the answer replaces the policy: this view starts again from it (its key), the simulation reruns
    update.mutate(draftToBody(draft));
  }

  return (
    <div className="policy-page">
      <p className="breadcrumb">
        <Link to="/policies">Escalation policies</Link>
      </p>
      <h1>{policy.name}</h1>
      <p>{policy.teamId ? <>Team <Link to={`/teams/${policy.teamId}`}>{teamName ?? '…'}</Link></> : 'No team (admins only)'}</p>
      {/* hu: readiness findings */}
      <ReadinessBanner objectId={policy.id} />
      {saved ? (
        <p className="notice" role="status">
          {saved}
        </p>
      ) : null}
      <div className="policy-columns">
        <section className="card" aria-labelledby="steps-heading">
          <h2 id="steps-heading">{mayEdit ? 'Steps (editing)' : 'Steps'}</h2>
          {mayEdit ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                save();
              }}
            >
              <Field label="Name" path="name" error={error}>
                {(props) => <input {...props} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required maxLength={200} />}
              </Field>
              <StepsEditor draft={draft} users={people} schedules={scheduleChoices} error={error} onChange={setDraft} />
              <FormError error={error} shownPaths={stepsShownPaths(draft)} />
              <div className="actions">
                <button type="submit" className="primary" disabled={busy || !dirty}>
                  {busy ? 'Saving…' : 'Save policy'}
                </button>
                <button type="button" className="secondary" disabled={!dirty} onClick={() => {
                  setDraft(policyToDraft(policy));
                  update.reset();
                }}>
                  Discard changes
                </button>
              </div>
            </form>
          ) : (
            <>
              <StepsView policy={policy} lookups={lookups} />
              <p className="hint">Only leads of {teamName ? `team ${teamName}` : 'the team'} and admins can change this policy.</p>
            </>
          )}
        </section>
        <SimulationPanel policyId={policy.id} dirty={dirty} zone={zone} scheduleName={lookups.scheduleName} />
      </div>
      {mayEdit ? <DeleteButton what="policy" name={policy.name} mutation={remove} onDeleted={() => void navigate('/policies', { replace: true })} /> : null}
    </div>
  );
}
