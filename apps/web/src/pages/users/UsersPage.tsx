import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useCreateUser, useUsers } from '../../api/users';
import { isAdmin, useMe } from '../../auth/useMe';
import { Field, FormError } from '../../components/Form';
import { viewerZone } from '../../lib/time';
import { InviteLink } from './InviteLink';
import { TimeZonePicker } from '../../components/TimeZonePicker';

export function UsersPage() {
  const me = useMe();
  const users = useUsers();
  const [creating, setCreating] = useState(false);
  return (
    <section>
      <div className="page-head">
        <h1>Users</h1>
        {isAdmin(me) && !creating ? (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            New user
          </button>
        ) : null}
      </div>
      {creating ? <NewUserForm onCancel={() => setCreating(false)} /> : null}
      <FormError error={users.error} />
      {users.data ? (
        <table className="stack">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Time zone</th>
              <th scope="col">Signed up</th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link to={`/users/${u.id}`}>{u.name}</Link>
                  {u.id === me.user?.id ? <span className="muted"> (you)</span> : null}
                </td>
                <td data-label="Email">{u.email}</td>
                <td data-label="Role">{u.role}</td>
                <td data-label="Time zone">{u.timeZone}</td>
                <td data-label="Signed up">{u.hasPassword ? 'yes' : 'invited, no password yet'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** A new user with their invite link (the users list is read again). */
function NewUserForm({ onCancel }: { onCancel(): void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [timeZone, setTimeZone] = useState(viewerZone);
  const [role, setRole] = useState<'user' | 'admin'>('user');
  const create = useCreateUser();
  const { error, isPending: busy } = create;
  // the last created user's invite stays shown while the next one is typed
  const [invite, setInvite] = useState<typeof create.data | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      { name, email, timeZone, role },
      {
        onSuccess: (created) => {
          setInvite(created);
          setName('');
          setEmail('');
        },
      },
    );
  }
  return (
    <section className="card" aria-labelledby="new-user-h">
      <h2 id="new-user-h">New user</h2>
      {invite ? (
        <div className="notice" role="status">
          <p>
            {invite.user.name} was created. Send them this invite link to set a password:
          </p>
          <InviteLink invite={invite.invite} />
        </div>
      ) : null}
      <form onSubmit={submit} noValidate>
        <FormError error={error} shownPaths={['name', 'email', 'timeZone', 'role']} />
        <Field label="Name" path="name" error={error}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Email" path="email" error={error}>
          {(p) => <input {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label="Time zone" path="timeZone" error={error} hint="Type a city or region, e.g. Berlin, and pick the zone">
          {(p) => <TimeZonePicker {...p} value={timeZone} onChange={setTimeZone} />}
        </Field>
        <Field label="Role" path="role" error={error}>
          {(p) => (
            <select {...p} value={role} onChange={(e) => setRole(e.target.value as 'user' | 'admin')}>
              <option value="user">User (what their team roles allow)</option>
              <option value="admin">Admin (everything)</option>
            </select>
          )}
        </Field>
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create and invite'}
          </button>
          <button type="button" className="link-button" onClick={onCancel}>
            Close
          </button>
        </div>
      </form>
    </section>
  );
}
