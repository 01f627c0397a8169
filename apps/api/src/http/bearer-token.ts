import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

/**
 * The credential in `Authorization: Bearer <token>`, or the password of Basic
 * auth (Alertmanager's `basic_auth` can carry an integration key that way).
 */
export function credentialFrom(req: Request): string | undefined {
  const header = req.get('authorization');
  if (!header) return undefined;
  const [scheme, value] = header.split(/\s+/, 2);
  if (!scheme || !value) return undefined;
  if (/^bearer$/i.test(scheme)) return value.trim();
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 ? decoded.slice(colon + 1) : undefined;
  }
  return undefined;
}

/** Constant-time comparison of secrets of any length (both are hashed first). */
export function secretsEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}
