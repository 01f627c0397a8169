import type { UserJson } from '@heinrich/contracts/users';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useContactMethods } from '../../api/contact-methods';
import { useNotificationRules } from '../../api/notification-rules';
import { useTeams } from '../../api/teams';
import { useCreateInvite, useDeleteUser, useUpdateUser, useUser } from '../../api/users';
import { isAdmin, isSelf, useMe } from '../../auth/useMe';
import { Field, FormError } from '../../components/Form';
import { ContactMethods } from './ContactMethods';
import { InviteLink } from './InviteLink';
import { NotificationRules } from './NotificationRules';
import { TimeZonePicker } from '../../components/TimeZonePicker';

export function UserPage() {
  const { id = '' } = useParams();
  const me = useMe();
  // keyed by the id: another user's answer (a late one included) is never this page's
  const user = useUser(id);
  const teams = useTeams();
  const self = isSelf(me, id);
  const mayManage = self || isAdmin(me);

  const u = user.data;
  if (!u) {
    return (
      <section>
        <h1>User</h1>
        {user.error ? <FormError error={user.error} /> : <p>Loading…</p>}
      </section>
    );
  }
  // the forms' drafts, a created invite link, a shown secret: each belongs to one user (key)
  const memberships = (teams.data ?? []).flatMap((t) => t.members.filter((m) => m.userId === id).map((m) => ({ team: t, role: m.role })));

  return (
    <article>
      <p>
        <Link to="/users">← All users</Link>
      </p>
      <h1>
        {u.name}
        {self ? <span className="muted"> (you)</span> : null}
      </h1>
      <div className="grid two">
        <div>
          <section className="card" aria-labelledby="profile-h">
            <h2 id="profile-h">Profile</h2>
            {mayManage ? <ProfileForm key={u.id} user={u} /> : <ProfileView user={u} />}
          </section>
          <section className="card" aria-labelledby="teams-h">
            <h2 id="teams-h">Teams</h2>
            {memberships.length === 0 ? <p className="muted">Not in any team.</p> : null}
            <ul className="plain">
              {memberships.map(({ team, role }) => (
                <li key={team.id}>
                  <Link to={`/teams/${team.id}`}>{team.name}</Link> <span className="badge">{role}</span>
                </li>
              ))}
            </ul>
          </section>
          {isAdmin(me) ? <AdminActions key={u.id} user={u} self={self} /> : null}
        </div>
        <div>
          {mayManage ? (
            <ReachSettings key={id} userId={id} />
          ) : (
            <section className="card">
              <h2>Contact methods and notification rules</h2>
              <p className="muted">Only {u.name} and admins see these: phone numbers are personal.</p>
            </section>
          )}
        </div>
      </div>
    </article>
  );
}

function ProfileView({ user }: { user: UserJson }) {
  return (
    <dl className="kv">
      <dt>Email</dt>
      <dd>{user.email}</dd>
      <dt>Time zone</dt>
      <dd>{user.timeZone}</dd>
      <dt>Role</dt>
      <dd>{user.role}</dd>
    </dl>
  );
}

/** Name and time zone (anyone, their own); email and role (admins). */
function ProfileForm({ user }: { user: UserJson }) {
  const me = useMe();
  const admin = isAdmin(me);
  const [name, setName] = useState(user.name);
  const [email, setEmail] = useState(user.email);
  const [timeZone, setTimeZone] = useState(user.timeZone);
  const [role, setRole] = useState(user.role);
  // the answer replaces the user's query; teams and the shell (names, own roles) are read again
  const update = useUpdateUser(user.id);
  const { error, isPending: busy, isSuccess: saved } = update;

  function submit(e: FormEvent) {
    e.preventDefault();
    update.mutate(admin ? { name, timeZone, email, role } : { name, timeZone });
  }
  return (
    <form onSubmit={submit} noValidate>
      <FormError error={error} shownPaths={['name', 'email', 'timeZone', 'role']} />
      {saved ? (
        <p className="notice" role="status">
          Saved.
        </p>
      ) : null}
      <Field label="Name" path="name" error={error}>
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Email" path="email" error={error} hint={admin ? undefined : 'Admins change email addresses.'}>
        {(p) => <input {...p} type="email" value={email} readOnly={!admin} onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <Field label="Time zone" path="timeZone" error={error} hint="Type a city or region, e.g. Berlin, and pick the zone">
        {(p) => <TimeZonePicker {...p} value={timeZone} onChange={setTimeZone} />}
      </Field>
      {admin ? (
        <Field label="Role" path="role" error={error}>
          {(p) => (
            <select {...p} value={role} onChange={(e) => setRole(e.target.value as UserJson['role'])}>
              <option value="user">User</option>
              <option value="admin">Admin</option>
            </select>
          )}
        </Field>
      ) : null}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Saving…' : 'Save profile'}
      </button>
    </form>
  );
}

function AdminActions({ user, self }: { user: UserJson; self: boolean }) {
  const navigate = useNavigate();
  const invite = useCreateInvite(user.id);
  const del = useDeleteUser(user.id);
  function remove() {
    if (!window.confirm(`Delete ${user.name}? Their memberships, contact methods and sessions go with them.`)) return;
    del.mutate(undefined, { onSuccess: () => void navigate('/users') });
  }
  return (
    <section className="card" aria-labelledby="admin-h">
      <h2 id="admin-h">Account</h2>
      <FormError error={invite.error ?? del.error} />
      {invite.data ? <InviteLink invite={invite.data} /> : null}
      <div className="row">
        <button type="button" onClick={() => invite.mutate()}>
          {user.hasPassword ? 'Create a password reset link' : 'Create invite link'}
        </button>
        {!self ? (
          <button type="button" className="danger" onClick={remove}>
            Delete user
          </button>
        ) : null}
      </div>
    </section>
  );
}

function ReachSettings({ userId }: { userId: string }) {
  const methods = useContactMethods(userId);
  const rules = useNotificationRules(userId);
  return (
    <>
      <section className="card" aria-labelledby="methods-h">
        <h2 id="methods-h">Contact methods</h2>
        <FormError error={methods.error} />
        {methods.data ? <ContactMethods userId={userId} methods={methods.data.items} /> : null}
      </section>
      <section className="card" aria-labelledby="rules-h">
        <h2 id="rules-h">Notification rules</h2>
        <FormError error={rules.error} />
        {rules.data && methods.data ? (
          <NotificationRules userId={userId} rules={rules.data.items} methods={methods.data.items} />
        ) : null}
        <p className="hint">To check that a method reaches this person, use Send test page on it under Contact methods.</p>
      </section>
    </>
  );
}
