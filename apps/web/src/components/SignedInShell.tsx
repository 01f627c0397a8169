import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { api, asApiError, setUnauthenticatedHandler, type ApiError } from '../api/client';
import { isAdmin, MeContext, type Me, type MeState } from '../auth/useMe';
import { FormError } from './Form';

/**
 * The frame of every signed-in page: reads /auth/me once (no session: to the
 * sign-in page, remembering where the user was going), the navigation (a menu
 * button on phones) and the signed-in user with Sign out.
 */
export function SignedInShell() {
  const navigate = useNavigate();
  const location = useLocation();
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);

  const toSignIn = useCallback(() => {
    // several requests may fail with 401 at once: the first one navigates
    if (window.location.pathname === '/sign-in') return;
    const next = window.location.pathname + window.location.search;
    void navigate(`/sign-in?next=${encodeURIComponent(next)}`, { replace: true });
  }, [navigate]);

  const load = useCallback(async () => {
    try {
      setMe(await api.get<Me>('/auth/me'));
      setError(null);
    } catch (err) {
      const e = asApiError(err);
      if (e.status !== 401) setError(e);
    }
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(toSignIn);
    void load();
    return () => setUnauthenticatedHandler(null);
  }, [load, toSignIn]);

  // a page change closes the phone menu and moves focus to the new page's content,
  // so keyboard and screen-reader users start at the page they opened, not in the nav
  const firstPage = useRef(true);
  useEffect(() => {
    setMenuOpen(false);
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: false });
  }, [location.pathname]);

  const state = useMemo<MeState | null>(() => (me ? { me, reload: load } : null), [me, load]);

  async function signOut() {
    try {
      await api.post('/auth/sign-out');
    } finally {
      void navigate('/sign-in', { replace: true });
    }
  }

  if (!state) {
    return (
      <main className="page narrow" id="main">
        {error ? <FormError error={error} /> : <p aria-live="polite">Loading…</p>}
      </main>
    );
  }
  const links: { to: string; label: string }[] = [
    { to: '/incidents', label: 'Incidents' },
    { to: '/schedules', label: 'Schedules' },
    { to: '/policies', label: 'Escalation policies' },
    { to: '/services', label: 'Services' },
    { to: '/users', label: 'Users' },
    { to: '/teams', label: 'Teams' },
    // the API lets admins only read the audit log (docs/authorization.md)
    ...(isAdmin(state.me) ? [{ to: '/audit-log', label: 'Audit log' }] : []),
  ];
  const who = state.me.user?.name ?? state.me.display;

  return (
    <MeContext.Provider value={state}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/incidents" className="brand">
          Heinrich
        </NavLink>
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          Menu
        </button>
        <nav id="main-nav" aria-label="Main" className={menuOpen ? 'open' : undefined}>
          <ul>
            {links.map((l) => (
              <li key={l.to}>
                <NavLink to={l.to}>{l.label}</NavLink>
              </li>
            ))}
          </ul>
          <div className="whoami">
            {state.me.user ? (
              <NavLink to={`/users/${state.me.user.id}`} title="Your profile, contact methods and notification rules">
                {who}
              </NavLink>
            ) : (
              <span>{who}</span>
            )}
            {state.me.role === 'admin' ? <span className="badge">admin</span> : null}
            <button type="button" className="link-button" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        </nav>
      </header>
      <main className="page" id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </MeContext.Provider>
  );
}
