import type { MeJson } from '@heinrich/contracts/auth';
import type { PrincipalDescription } from '@heinrich/usecases/auth/describe-principal';

/** The caller, as GET /api/v1/auth/me shows them. */
export function meJson(d: PrincipalDescription): MeJson {
  return {
    credential: apiCredential(d.principal.kind),
    display: d.principal.display,
    role: d.principal.role,
    user: d.user,
    apiKey: d.apiKey,
    teams: d.teams,
  };
}

/** The admin API authenticates sessions and keys (http/authenticate.ts); a page (an SMS reply code, a page call) never reaches it. */
function apiCredential(kind: PrincipalDescription['principal']['kind']): MeJson['credential'] {
  if (kind === 'page') throw new Error('a page is not a credential of the admin API');
  return kind;
}
