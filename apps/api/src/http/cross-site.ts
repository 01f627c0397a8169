const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection for cookie-authenticated requests: an unsafe method must
 * come from a page of PUBLIC_URL's origin, as its `Origin` header (or, when a
 * browser sent none, its `Referer`) shows. Browsers set both and scripts can't
 * forge them; SameSite=Lax on the cookie is the other lock. Returns what is
 * wrong, or undefined when the request may pass.
 *
 * `requireHeader: false` (signing in, accepting an invite: no cookie yet, but a
 * cross-site form could sign a victim into the attacker's account) refuses a
 * foreign origin but lets tools that send neither header through.
 */
export function crossSiteProblem(
  req: { method: string; origin: string | undefined; referer: string | undefined },
  expectedOrigin: string,
  opts: { requireHeader: boolean },
): string | undefined {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return undefined;
  const what = opts.requireHeader ? `a ${req.method} with the session cookie` : `a ${req.method} from a browser`;
  const claimed = req.origin ?? originOf(req.referer);
  if (claimed === undefined) {
    return opts.requireHeader ? `Cross-site request refused: ${what} needs an Origin or Referer header of ${expectedOrigin}` : undefined;
  }
  if (claimed !== expectedOrigin) return `Cross-site request refused: ${what} must come from ${expectedOrigin} (its Origin is ${claimed})`;
  return undefined;
}

function originOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return 'an unreadable Referer';
  }
}
