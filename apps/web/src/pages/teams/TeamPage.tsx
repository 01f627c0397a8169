import type { TeamJson } from '@heinrich/contracts/teams';
import type { UserJson } from '@heinrich/contracts/users';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useDeleteTeam, useTeam, useUpdateTeam } from '../../api/teams';
import { useUsers } from '../../api/users';
import { canEditTeam, isAdmin, useMe, type TeamRole } from '../../auth/useMe';
import { FieldError } from '../../components/FieldError';
import { Field, FormError } from '../../components/Form';
// hu: time zone and weekly digest (issue 23)
import { TeamSettingsCard } from './TeamSettingsForm';

interface Member {
  userId: string;
  name: string;
  role: TeamRole;
}

const ROLES: { role: TeamRole; label: string }[] = [
  { role: 'lead', label: 'Lead: changes the team, its services, schedules and policies' },
  { role: 'responder', label: 'Responder: acts on the team’s incidents' },
  { role: 'viewer', label: 'Viewer: reads' },
];

/**
 * A team and its members. Leads and admins edit the membership as a draft and
 * save it as a whole (PATCH members is the whole new list).
 */
export function TeamPage() {
  const { id = '' } = useParams();
  const team = useTeam(id);
  const users = useUsers();
  // here, not in the form: the form starts again from each saved team, the "Saved." notice stays
  const update = useUpdateTeam(id);
  const t = team.data;
  if (!t) {
    return (
      <section>
        <h1>Team</h1>
        {team.error ? <FormError error={team.error} /> : <p>Loading…</p>}
      </section>
    );
  }
  // the draft starts from the team as saved: a new team, or a save (here or elsewhere), starts it again
  return <TeamForm key={`${t.id}@${t.updatedAt}`} team={t} users={users.data ?? []} update={update} />;
}

function TeamForm({ team: t, users, update }: { team: TeamJson; users: UserJson[]; update: ReturnType<typeof useUpdateTeam> }) {
  const me = useMe();
  const navigate = useNavigate();
  const [name, setName] = useState(t.name);
  const [members, setMembers] = useState<Member[]>(() => t.members.map((m) => ({ userId: m.userId, name: m.name, role: m.role })));
  const [addUserId, setAddUserId] = useState('');
  const [addRole, setAddRole] = useState<TeamRole>('responder');
  const del = useDeleteTeam(t.id);
  const error = update.error ?? del.error;
  const busy = update.isPending;
  const [edited, setEdited] = useState(false);
  const saved = update.isSuccess && !edited;

  const mayEdit = canEditTeam(me, t.id);
  const candidates = users.filter((u) => !members.some((m) => m.userId === u.id));
  const dirty =
    name !== t.name ||
    members.length !== t.members.length ||
    members.some((m, i) => m.userId !== t.members[i]?.userId || m.role !== t.members[i]?.role);

  function addMember() {
    const user = users.find((u) => u.id === (addUserId || candidates[0]?.id));
    if (!user) return;
    setMembers((ms) => [...ms, { userId: user.id, name: user.name, role: addRole }]);
    setAddUserId('');
    setEdited(true);
  }

  function save(e: FormEvent) {
    e.preventDefault();
    setEdited(false);
    // the caller's own roles may change: useUpdateTeam reads auth/me again
    update.mutate({ name, members: members.map(({ userId, role }) => ({ userId, role })) });
  }

  function remove() {
    if (!window.confirm(`Delete team ${t.name}? Its services and policies stay, changed by admins only.`)) return;
    del.mutate(undefined, { onSuccess: () => void navigate('/teams') });
  }

  return (
    <article>
      <p>
        <Link to="/teams">← All teams</Link>
      </p>
      <h1>{t.name}</h1>
      {!mayEdit ? <p className="hint">Leads of this team and admins change its members.</p> : null}
      <form onSubmit={save} noValidate>
        <FormError error={error} shownPaths={['name', 'members']} />
        {saved ? (
          <p className="notice" role="status">
            Saved.
          </p>
        ) : null}
        {mayEdit ? (
          <Field label="Team name" path="name" error={error}>
            {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
        ) : null}
        <section className="card" aria-labelledby="members-h">
          <h2 id="members-h">Members ({members.length})</h2>
          <FieldError error={error} path="members" />
          {members.length === 0 ? <p className="muted">No members.</p> : null}
          <ul className="plain members">
            {members.map((m, i) => (
              <li key={m.userId} className="row member">
                <Link to={`/users/${m.userId}`}>{m.name}</Link>
                <span className="spacer" />
                {mayEdit ? (
                  <>
                    <label className="visually-hidden" htmlFor={`role-${m.userId}`}>
                      Role of {m.name}
                    </label>
                    <select
                      id={`role-${m.userId}`}
                      value={m.role}
                      style={{ width: 'auto' }}
                      onChange={(e) => {
                        const role = e.target.value as TeamRole;
                        setMembers((ms) => ms.map((x) => (x.userId === m.userId ? { ...x, role } : x)));
                        setEdited(true);
                      }}
                    >
                      {ROLES.map((r) => (
                        <option key={r.role} value={r.role}>
                          {r.role}
                        </option>
                      ))}
                    </select>
                    <button
                      type="button"
                      className="small danger"
                      aria-label={`Remove ${m.name}`}
                      onClick={() => {
                        setMembers((ms) => ms.filter((x) => x.userId !== m.userId));
                        setEdited(true);
                      }}
                    >
                      Remove
                    </button>
                  </>
                ) : (
                  <span className="badge">{m.role}</span>
                )}
                <FieldError error={error} path={`members.${i}`} nested />
              </li>
            ))}
          </ul>
          {mayEdit ? (
            <div className="row add-member" style={{ marginTop: '0.75rem' }}>
              <div className="field" style={{ flex: '2 1 12rem', margin: 0 }}>
                <label htmlFor="add-user">Add a person</label>
                <select id="add-user" value={addUserId || candidates[0]?.id || ''} onChange={(e) => setAddUserId(e.target.value)}>
                  {candidates.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name} ({u.email})
                    </option>
                  ))}
                </select>
              </div>
              <div className="field" style={{ flex: '1 1 8rem', margin: 0 }}>
                <label htmlFor="add-role">as</label>
                <select id="add-role" value={addRole} onChange={(e) => setAddRole(e.target.value as TeamRole)}>
                  {ROLES.map((r) => (
                    <option key={r.role} value={r.role}>
                      {r.role}
                    </option>
                  ))}
                </select>
              </div>
              <button type="button" onClick={addMember} disabled={candidates.length === 0} style={{ alignSelf: 'flex-end' }}>
                Add member
              </button>
            </div>
          ) : null}
          {mayEdit ? <p className="hint">{ROLES.map((r) => r.label).join(' · ')}</p> : null}
        </section>
        {mayEdit ? (
          <div className="row">
            <button type="submit" className="primary" disabled={busy || !dirty}>
              {busy ? 'Saving…' : 'Save team'}
            </button>
            {dirty ? <span className="hint">Unsaved changes</span> : null}
            <span className="spacer" />
            {isAdmin(me) ? (
              <button type="button" className="danger small" onClick={remove}>
                Delete team
              </button>
            ) : null}
          </div>
        ) : null}
      </form>
      {/* hu: time zone and weekly digest (issue 23) */}
      <TeamSettingsCard teamId={t.id} teamName={t.name} mayEdit={mayEdit} />
    </article>
  );
}
