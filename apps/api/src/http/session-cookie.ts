import type { Request, Response } from 'express';

/** The session cookie's name (docs/api.md, "Authentication"). */
export const SESSION_COOKIE = 'heinrich_session';

/** The session token from the Cookie header, if there is one. */
export function readSessionCookie(req: Request): string | undefined {
  const header = req.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * HttpOnly (scripts can't read it), SameSite=Lax (not sent on cross-site
 * POSTs; the Origin check in authenticate.ts is the second lock), Secure when
 * PUBLIC_URL is https, and kept until the session's absolute end.
 */
function attributes(publicUrl: string) {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure: publicUrl.startsWith('https:') } as const;
}

export function setSessionCookie(res: Response, publicUrl: string, session: { token: string; createdAt: Date; absoluteExpiresAt: Date }): void {
  res.cookie(SESSION_COOKIE, session.token, {
    ...attributes(publicUrl),
    maxAge: session.absoluteExpiresAt.getTime() - session.createdAt.getTime(),
  });
}

export function clearSessionCookie(res: Response, publicUrl: string): void {
  res.clearCookie(SESSION_COOKIE, attributes(publicUrl));
}
