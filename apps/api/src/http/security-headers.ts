import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * Security headers on every response, the web UI's and the API's (helmet).
 * The UI is a Vite build with no inline scripts or styles (React sets `style`
 * props through the CSSOM, which CSP does not govern), so everything it loads
 * and calls is its own origin:
 *
 * - `Content-Security-Policy`: `'self'` only, `data:` images, no plugins, no
 *   `<base>` or form posts elsewhere, never in a frame (`frame-ancestors 'none'`,
 *   and `X-Frame-Options: DENY` for older browsers);
 * - `Referrer-Policy: same-origin`: links out of Heinrich (runbooks, Prometheus)
 *   don't learn incident URLs, while the UI's own requests keep their `Referer`
 *   (the CSRF check's fallback when a browser sends no `Origin`);
 * - `X-Content-Type-Options: nosniff`, and helmet's other defaults (HSTS, which
 *   browsers honor over https only; Cross-Origin-Opener/Resource-Policy same-origin).
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'"],
        'connect-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
  });
}
