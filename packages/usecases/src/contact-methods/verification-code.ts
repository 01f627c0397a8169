import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** How long a code is good for. */
export const CODE_TTL_MS = 10 * 60_000;
/** Wrong tries against one code before a new one must be requested. */
export const MAX_CODE_ATTEMPTS = 5;
/** Minimum pause between two codes for one method. */
export const RESEND_AFTER_MS = 60_000;

/** Six random digits (crypto.randomInt: uniform). */
export function newVerificationCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Only this is stored: SHA-256 of method id and code (a leaked row names no code; a million guesses offline per method is why tries are limited online too). */
export function hashVerificationCode(methodId: string, code: string): string {
  return createHash('sha256').update(`${methodId}:${code}`).digest('hex');
}

export function verificationCodeMatches(methodId: string, code: string, storedHash: string): boolean {
  const a = Buffer.from(hashVerificationCode(methodId, code.replace(/\s+/g, '')), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
