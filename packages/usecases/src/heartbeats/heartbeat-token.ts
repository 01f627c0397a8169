import { randomBytes } from 'node:crypto';
import { sha256Hex } from '@heinrich/core/alert-group';

/**
 * A new ping token (`hb_` + 24 random bytes as base64url, URL-safe) with what
 * the database keeps of it: its SHA-256 and its first 8 characters.
 */
export function newHeartbeatToken(): { token: string; tokenHash: string; tokenPrefix: string } {
  const token = `hb_${randomBytes(24).toString('base64url')}`;
  return { token, tokenHash: sha256Hex(token), tokenPrefix: token.slice(0, 8) };
}
