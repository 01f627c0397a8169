import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, asApiError, type ApiError } from '../../api/client';
import { Field, FormError } from '../../components/Form';

/** Only paths of this site: `next` comes from the URL, so never follow it elsewhere. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/incidents';
}

export function SignInPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/sign-in', { email, password });
      void navigate(safeNext(params.get('next')), { replace: true });
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  }

  return (
    <main className="page narrow auth-page" id="main">
      <p className="brand big">Heinrich</p>
      <h1>Sign in</h1>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormError error={error} shownPaths={['email', 'password']} />
        <Field label="Email" path="email" error={error}>
          {(p) => (
            <input {...p} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          )}
        </Field>
        <Field label="Password" path="password" error={error}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="primary wide" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="hint">New here? Open the invite link your administrator sent you to set a password.</p>
    </main>
  );
}
