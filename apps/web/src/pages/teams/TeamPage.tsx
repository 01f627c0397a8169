import type { TeamJson } from '@heinrich/contracts/teams';
import type { UserJson } from '@heinrich/contracts/users';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useDeleteTeam, useTeam, useUpdateTeam } from '../../api/teams';
import { useUsers } from '../../api/users';
import { canEditTeam, isAdmin, useMe, type TeamRole } from '../../auth/useMe';
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

/** Which membership change was last sent, so its "Saved" or error shows under it. */
type Change = { kind: 'role'; userId: string } | { kind: 'add' } | { kind: 'remove'; name: string };

/**
 * A team and its members. Membership is saved as it is changed: adding a
 * person, a role change and a removal are each one PATCH of the whole member
 * list (the team as last saved, with that one change), with "Saved" or the
 * error under the control that made it. Renaming has its own button.
 */
export function TeamPage() {
  const { id = '' } = useParams();
  const team = useTeam(id);
  const users = useUsers();
  const t = team.data;
  if (!t) {
    return (
      <section>
        <h1>Team</h1>
        {team.error ? <FormError error={team.error} /> : <p>Loading…</p>}
      </section>
    );
  }
  // keyed by the team only: a save keeps the page (and its "Saved" notices)
  return <TeamView key={t.id} team={t} users={users.data ?? []} />;
}

function TeamView({ team: t, users }: { team: TeamJson; users: UserJson[] }) {
  const me = useMe();
  const navigate = useNavigate();
  const membership = useUpdateTeam(t.id);
  const rename = useUpdateTeam(t.id);
  const del = useDeleteTeam(t.id);
  const [name, setName] = useState(t.name);
  const [addUserId, setAddUserId] = useState('');
  const [addRole, setAddRole] = useState<TeamRole>('responder');
  const [change, setChange] = useState<Change | null>(null);

  const mayEdit = canEditTeam(me, t.id);
  const nameOf = (userId: string) => t.members.find((m) => m.userId === userId)?.name ?? users.find((u) => u.id === userId)?.name ?? 'someone';
  // while a change is on its way, the list shows it (then the team as saved, or as it was after an error)
  const sending = membership.isPending ? membership.variables?.members : undefined;
  const members: Member[] = sending ? sending.map((m) => ({ userId: m.userId, name: nameOf(m.userId), role: m.role })) : t.members.map((m) => ({ userId: m.userId, name: m.name, role: m.role }));
  const candidates = users.filter((u) => !members.some((m) => m.userId === u.id));
  const busy = membership.isPending;

  function saveMembers(next: Member[], what: Change) {
    setChange(what);
    // the caller's own roles may change: useUpdateTeam reads auth/me again
    membership.mutate({ members: next.map(({ userId, role }) => ({ userId, role })) });
  }

  function addMember() {
    const user = users.find((u) => u.id === (addUserId || candidates[0]?.id));
    if (!user) return;
    saveMembers([...members, { userId: user.id, name: user.name, role: addRole }], { kind: 'add' });
    setAddUserId('');
  }

  function saveName(e: FormEvent) {
    e.preventDefault();
    rename.mutate({ name });
  }

  function remove() {
    if (!window.confirm(`Delete team ${t.name}? Its services and policies stay, changed by admins only.`)) return;
    del.mutate(undefined, { onSuccess: () => void navigate('/teams') });
  }

  /** "Saving…", "Saved" or the error of the last membership change, when it was this one. */
  const status = (here: boolean) => {
    if (!here) return null;
    if (membership.isPending) return <p className="hint" role="status">Saving…</p>;
    if (membership.error) return <FormError error={membership.error} />;
    if (membership.isSuccess) return <p className="notice saved" role="status">Saved</p>;
    return null;
  };

  return (
    <article>
      <p>
        <Link to="/teams">← All teams</Link>
      </p>
      <h1>{t.name}</h1>
      {!mayEdit ? <p className="hint">Leads of this team and admins change its members.</p> : null}
      {mayEdit ? (
        <form onSubmit={saveName} noValidate className="row rename" aria-label="Rename the team">
          <Field label="Team name" path="name" error={rename.error}>
            {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <button type="submit" disabled={rename.isPending || name === t.name} style={{ alignSelf: 'flex-end' }}>
            {rename.isPending ? 'Renaming…' : 'Rename'}
          </button>
          <FormError error={rename.error} shownPaths={['name']} />
          {rename.isSuccess && name === t.name ? <p className="notice saved" role="status">Renamed</p> : null}
        </form>
      ) : null}
      <section className="card" aria-labelledby="members-h">
        <h2 id="members-h">Members ({members.length})</h2>
        {mayEdit ? <p className="hint">Changes are saved as you make them.</p> : null}
        {members.length === 0 ? <p className="muted">No members.</p> : null}
        <ul className="plain members">
          {members.map((m) => (
            <li key={m.userId} className="member">
              <div className="row">
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
                      disabled={busy}
                      onChange={(e) => {
                        const role = e.target.value as TeamRole;
                        saveMembers(
                          members.map((x) => (x.userId === m.userId ? { ...x, role } : x)),
                          { kind: 'role', userId: m.userId },
                        );
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
                      disabled={busy}
                      onClick={() => saveMembers(members.filter((x) => x.userId !== m.userId), { kind: 'remove', name: m.name })}
                    >
                      Remove
                    </button>
                  </>
                ) : (
                  <span className="badge">{m.role}</span>
                )}
              </div>
              {status(change?.kind === 'role' && change.userId === m.userId)}
            </li>
          ))}
        </ul>
        {change?.kind === 'remove' ? (
          <div className="member-removed">
            {membership.isSuccess ? <p className="notice saved" role="status">Removed {change.name}. Saved</p> : status(true)}
          </div>
        ) : null}
        {mayEdit ? (
          <div className="add-member" style={{ marginTop: '0.75rem' }}>
            <div className="row">
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
              <button type="button" onClick={addMember} disabled={candidates.length === 0 || busy} style={{ alignSelf: 'flex-end' }}>
                Add member
              </button>
            </div>
            {status(change?.kind === 'add')}
          </div>
        ) : null}
        {mayEdit ? <p className="hint">{ROLES.map((r) => r.label).join(' · ')}</p> : null}
      </section>
      {/* hu: time zone and weekly digest (issue 23) */}
      <TeamSettingsCard teamId={t.id} teamName={t.name} mayEdit={mayEdit} />
      {isAdmin(me) ? (
        <div className="row">
          <span className="spacer" />
          <button type="button" className="danger small" onClick={remove}>
            Delete team
          </button>
          <FormError error={del.error} />
        </div>
      ) : null}
    </article>
  );
}
