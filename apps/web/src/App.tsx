import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
// hu: the Insights page is loaded when opened (its chart library stays out of the main bundle)
import { lazy, Suspense } from 'react';
import { createQueryClient } from './api/query-client';
import { SignedInShell } from './components/SignedInShell';
import { NotFoundPage } from './components/NotFoundPage';
import { AcceptInvitePage } from './pages/auth/AcceptInvitePage';
import { SignInPage } from './pages/auth/SignInPage';
import { AuditLogPage } from './pages/audit/AuditLogPage';
import { IncidentPage } from './pages/incidents/IncidentPage';
import { IncidentsPage } from './pages/incidents/IncidentsPage';
import { MaintenanceWindowPage } from './pages/maintenance/MaintenanceWindowPage';
import { MaintenanceWindowsPage } from './pages/maintenance/MaintenanceWindowsPage';
import { RoutingPage } from './pages/routing/RoutingPage';
import { PoliciesPage } from './pages/policies/PoliciesPage';
import { PolicyDetailPage } from './pages/policies/PolicyDetailPage';
import { ScheduleDetailPage } from './pages/schedules/ScheduleDetailPage';
import { SchedulesPage } from './pages/schedules/SchedulesPage';
import { ServicePage } from './pages/services/ServicePage';
import { ServicesPage } from './pages/services/ServicesPage';
import { StormPage } from './pages/storms/StormPage';
import { TeamPage } from './pages/teams/TeamPage';
import { TeamsPage } from './pages/teams/TeamsPage';
import { UserPage } from './pages/users/UserPage';
import { UsersPage } from './pages/users/UsersPage';

const queryClient = createQueryClient();
// hu: the Insights page (issue 23)
const InsightsPage = lazy(() => import('./pages/insights/InsightsPage').then((m) => ({ default: m.InsightsPage })));

/** hu: `/` is the incident list, with the query it was opened with. */
function ToIncidents() {
  const { search } = useLocation();
  return <Navigate to={{ pathname: '/incidents', search }} replace />;
}

/** Every page of the UI. Pages under the shell need a session (the shell reads /auth/me). */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/accept-invite" element={<AcceptInvitePage />} />
          <Route element={<SignedInShell />}>
            {/* hu: the address's query goes along (`/?insight=nearMiss&from=…&to=…` opens the filtered list) */}
            <Route index element={<ToIncidents />} />
            <Route path="/incidents" element={<IncidentsPage />} />
            <Route path="/incidents/:id" element={<IncidentPage />} />
            <Route path="/storms/:id" element={<StormPage />} />
            <Route path="/schedules" element={<SchedulesPage />} />
            <Route path="/schedules/:id" element={<ScheduleDetailPage />} />
            <Route path="/policies" element={<PoliciesPage />} />
            <Route path="/policies/:id" element={<PolicyDetailPage />} />
            <Route path="/services" element={<ServicesPage />} />
            <Route path="/services/:id" element={<ServicePage />} />
            <Route path="/maintenance" element={<MaintenanceWindowsPage />} />
            <Route path="/maintenance/:id" element={<MaintenanceWindowPage />} />
            <Route path="/routing" element={<RoutingPage />} />
            <Route path="/users" element={<UsersPage />} />
            <Route path="/users/:id" element={<UserPage />} />
            <Route path="/teams" element={<TeamsPage />} />
            <Route path="/teams/:id" element={<TeamPage />} />
            <Route path="/audit-log" element={<AuditLogPage />} />
            {/* hu: the Insights page (issue 23) */}
            <Route
              path="/insights"
              element={
                <Suspense fallback={<p aria-live="polite">Loading…</p>}>
                  <InsightsPage />
                </Suspense>
              }
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
