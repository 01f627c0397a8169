import type { TeamJson } from '@heinrich/contracts/teams';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, asApiError, type ApiError } from '../../api/client';
import { listTeams } from '../../api/resources';
import { isAdmin, teamRole, useMe } from '../../auth/useMe';
import { Field, FormError } from '../../components/Form';
import { useLoad } from '../../lib/useLoad';

export function TeamsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const teams = useLoad(listTeams, []);
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const team = await api.post<TeamJson>('/teams', { name });
      void navigate(`/teams/${team.id}`);
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
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
        <form onSubmit={(e) => void create(e)} className="card" style={{ marginTop: '1rem' }} noValidate>
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
