import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCreateTeam, useTeams } from '../../api/teams';
import { isAdmin, teamRole, useMe } from '../../auth/useMe';
import { Field, FormError } from '../../components/Form';

export function TeamsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const teams = useTeams();
  const [name, setName] = useState('');
  const createTeam = useCreateTeam();
  const error = createTeam.error;
  const busy = createTeam.isPending || createTeam.isSuccess;

  function create(e: FormEvent) {
    e.preventDefault();
    createTeam.mutate({ name }, { onSuccess: (team) => void navigate(`/teams/${team.id}`) });
  }

  return (
    <section>
      <h1>Teams</h1>
      <FormError error={teams.error} />
      {teams.data && teams.data.length === 0 ? <p className="card">No teams yet.</p> : null}
      {teams.data && teams.data.length > 0 ? (
        <table className="stack">
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">Leads</th>
              <th scope="col">Members</th>
              <th scope="col">Your role</th>
            </tr>
          </thead>
          <tbody>
            {teams.data.map((t) => (
              <tr key={t.id}>
                <td>
                  <Link to={`/teams/${t.id}`}>{t.name}</Link>
                </td>
                <td data-label="Leads">
                  {t.members
                    .filter((m) => m.role === 'lead')
                    .map((m) => m.name)
                    .join(', ') || '–'}
                </td>
                <td data-label="Members">{t.members.length}</td>
                <td data-label="Your role">{teamRole(me, t.id) ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {isAdmin(me) ? (
        <form onSubmit={create} className="card" style={{ marginTop: '1rem' }} noValidate>
          <h2>New team</h2>
          <FormError error={error} shownPaths={['name']} />
          <Field label="Team name" path="name" error={error}>
            {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create team'}
          </button>
        </form>
      ) : null}
    </section>
  );
}
