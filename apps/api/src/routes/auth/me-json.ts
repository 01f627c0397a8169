import type { MeJson } from '@heinrich/contracts/auth';
import type { PrincipalDescription } from '@heinrich/usecases/auth/describe-principal';

/** The caller, as GET /api/v1/auth/me shows them. */
export function meJson(d: PrincipalDescription): MeJson {
  return {
    credential: d.principal.kind,
    display: d.principal.display,
    role: d.principal.role,
    user: d.user,
    apiKey: d.apiKey,
    teams: d.teams,
  };
}
