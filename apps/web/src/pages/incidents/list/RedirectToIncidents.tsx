import { Navigate, useLocation } from 'react-router';

/** `/` opens the incident list, keeping the query (`/?insight=nearMiss&from=…&to=…` from the Insights page, `/?q=…`). */
export function RedirectToIncidents() {
  const { search } = useLocation();
  return <Navigate to={{ pathname: '/incidents', search }} replace />;
}
