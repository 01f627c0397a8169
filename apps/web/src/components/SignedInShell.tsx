import { useCallback, useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useMeQuery, useSignOut } from '../api/auth';
import { setUnauthenticatedHandler } from '../api/client';
import { isAdmin, MeContext } from '../auth/useMe';
import { FormError } from './Form';

/**
 * The frame of every signed-in page: reads /auth/me once (no session: to the
 * sign-in page, remembering where the user was going), the navigation (a menu
 * button on phones) and the signed-in user with Sign out.
 */
export function SignedInShell() {
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMeQuery();
  const signOutMutation = useSignOut();
  // the phone menu is open on the page it was opened on: a page change closes it
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === location.pathname;

  const toSignIn = useCallback(() => {
    // several requests may fail with 401 at once: the first one navigates
    if (window.location.pathname === '/sign-in') return;
    const next = window.location.pathname + window.location.search;
    void navigate(`/sign-in?next=${encodeURIComponent(next)}`, { replace: true });
  }, [navigate]);

  useEffect(() => {
    setUnauthenticatedHandler(toSignIn);
    return () => setUnauthenticatedHandler(null);
  }, [toSignIn]);

  // a page change moves focus to the new page's content, so keyboard and
  // screen-reader users start at the page they opened, not in the nav
  const firstPage = useRef(true);
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: false });
  }, [location.pathname]);

  function signOut() {
    signOutMutation.mutate(undefined, { onSettled: () => void navigate('/sign-in', { replace: true }) });
  }

  const state = me.data;
  if (!state) {
    // a 401 is no error to show: the user is on the way to the sign-in page
    const error = me.error && me.error.status !== 401 ? me.error : null;
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
    { to: '/maintenance', label: 'Maintenance' },
    { to: '/routing', label: 'Routing' },
    { to: '/users', label: 'Users' },
    { to: '/teams', label: 'Teams' },
    // hu: Heinrich's pyramid, noise, people, paging readiness (issue 23)
    { to: '/insights', label: 'Insights' },
    // the API lets admins only read the audit log (docs/authorization.md)
    ...(isAdmin(state) ? [{ to: '/audit-log', label: 'Audit log' }] : []),
  ];
  const who = state.user?.name ?? state.display;

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
          onClick={() => setMenuOpenOn(menuOpen ? null : location.pathname)}
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
            {state.user ? (
              <NavLink to={`/users/${state.user.id}`} title="Your profile, contact methods and notification rules">
                {who}
              </NavLink>
            ) : (
              <span>{who}</span>
            )}
            {state.role === 'admin' ? <span className="badge">admin</span> : null}
            <button type="button" className="link-button" onClick={signOut}>
              Sign out
            </button>
          </div>
        </nav>
      </header>
      <main className="page" id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        {/* served by the api, not a page of this app: a full page load */}
        <a href="/api/v1/docs">API reference</a>
      </footer>
    </MeContext.Provider>
  );
}
