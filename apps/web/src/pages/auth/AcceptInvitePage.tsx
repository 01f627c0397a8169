import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useAcceptInvite, useInviteHolder } from '../../api/auth';
import { Field, FormError } from '../../components/Form';

/** The token rides in the URL fragment (`/accept-invite#token=...`), which browsers never send to a server. */
export function inviteToken(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}

/** Sets the invited user's password and signs them in. */
export function AcceptInvitePage() {
  const navigate = useNavigate();
  const [token] = useState(() => inviteToken(window.location.hash));
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const accept = useAcceptInvite();
  const holder = useInviteHolder(token);
  const busy = accept.isPending || accept.isSuccess;
  const error = accept.error;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (password !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    accept.mutate({ token, password }, { onSuccess: () => void navigate('/incidents', { replace: true }) });
  }

  return (
    <main className="page narrow auth-page" id="main">
      <p className="brand big">Heinrich</p>
      <h1>Set your password</h1>
      {!token ? (
        <p className="form-error" role="alert">
          This link has no invite token. Open the whole link from your invitation, or ask an admin for a new one.
        </p>
      ) : holder.error ? (
        <p className="form-error" role="alert">
          {holder.error.status === 404 ? 'This invite link is invalid, expired or already used. Ask an admin for a new one.' : holder.error.message}
        </p>
      ) : !holder.data ? (
        <p>Loading…</p>
      ) : (
        <form onSubmit={submit} noValidate aria-labelledby="invite-for">
          <p id="invite-for">
            Set a password for <strong data-user-text>{holder.data.name}</strong> (<span data-user-text>{holder.data.email}</span>).
          </p>
          <FormError error={error} shownPaths={['password']} />
          <Field label="New password" path="password" error={error} hint="At least 12 characters.">
            {(p) => (
              <input {...p} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            )}
          </Field>
          <div className="field">
            <label htmlFor="repeat-password">Repeat the password</label>
            <input
              id="repeat-password"
              type="password"
              autoComplete="new-password"
              value={repeat}
              aria-invalid={mismatch}
              onChange={(e) => setRepeat(e.target.value)}
            />
            {mismatch ? (
              <p className="field-error" role="alert">
                The two passwords differ.
              </p>
            ) : null}
          </div>
          <button type="submit" className="primary wide" disabled={busy}>
            {busy ? 'Saving…' : 'Set password and sign in'}
          </button>
        </form>
      )}
    </main>
  );
}
