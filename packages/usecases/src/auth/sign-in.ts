import { AppError } from '@heinrich/core/app-error';
import { findUserCredentials } from '@heinrich/db/auth/find-user-credentials';
import { markLoginSucceeded, reserveLoginAttempt } from '@heinrich/db/auth/reserve-login-attempt';
import { withTransaction } from '@heinrich/db/with-transaction';
import type { Context } from '../context';
import { createSession, type NewSession } from './create-session';
import type { PrincipalDescription } from './describe-principal';
import { describeSession } from './describe-session';
import { verifyPassword } from './password-hash';

/**
 * Sign-in throttling, failures within the window: 5 per account from one client
 * address (the tight limit: a guesser at one address never locks the owner out
 * elsewhere), 50 per account across addresses (guessing from many), 20 per address
 * across accounts (password spraying). docs/authorization.md, "Sessions".
 */
export const SIGN_IN_LIMITS = { windowMs: 15 * 60 * 1000, perAccountAndAddress: 5, perAccount: 50, perAddress: 20 } as const;

/** One message for an unknown email, a user without a password and a wrong password: it must not tell which. */
const REFUSED = 'Wrong email or password';

/**
 * Email + password to a new session. Over SIGN_IN_LIMITS the attempt is
 * refused before the password is looked at: 429 with Retry-After (seconds until
 * the limiting failure leaves the window). A successful sign-in resets the
 * account's count across addresses and its count from that address; another
 * address that failed on the account stays throttled, and no address's count
 * across accounts is reset.
 */
export async function signIn(
  ctx: Context,
  input: { email: string; password: string; address: string },
): Promise<{ session: NewSession; me: PrincipalDescription }> {
  const email = input.email.trim().toLowerCase();
  const now = ctx.now();
  const reservation = await withTransaction(
    ctx.db.pool,
    (client) => reserveLoginAttempt(client, { email, address: input.address }, { now, ...SIGN_IN_LIMITS }),
    // one count-and-record at a time per account and per address
    { locks: [`sign-in:account:${email}`, `sign-in:address:${input.address}`] },
  );
  if ('retryAfterMs' in reservation) {
    const seconds = Math.max(1, Math.ceil(reservation.retryAfterMs / 1000));
    throw new AppError('rate_limited', `Too many failed sign-in attempts; try again in ${seconds} seconds`, [], seconds);
  }
  const user = await findUserCredentials(ctx.db.pool, { email });
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok) throw new AppError('unauthenticated', REFUSED);
  await markLoginSucceeded(ctx.db.pool, reservation.attemptId);
  const session = await createSession(ctx.db.pool, user.id, now);
  return { session, me: await describeSession(ctx, session) };
}
