import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useSignIn } from '../../api/auth';
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
  const signIn = useSignIn();
  // after success the button stays busy until the next page is there
  const busy = signIn.isPending || signIn.isSuccess;
  const error = signIn.error;

  function submit(e: FormEvent) {
    e.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: () => void navigate(safeNext(params.get('next')), { replace: true }) });
  }

  return (
    <main className="page narrow auth-page" id="main">
      <p className="brand big">Heinrich</p>
      <h1>Sign in</h1>
      <form onSubmit={submit} noValidate>
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
