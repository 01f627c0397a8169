import type pg from 'pg';

export interface LoginLimits {
  now: Date;
  windowMs: number;
  /**
   * failures of this account from this client address in the window (counted since
   * the last successful sign-in to the account from that address): the tight limit,
   * which never keeps the account's owner out from another address
   */
  perAccountAndAddress: number;
  /**
   * failures of this account from every address in the window (counted since its last
   * successful sign-in): the loose limit against guessing from many addresses
   */
  perAccount: number;
  /** failures from this client address across accounts in the window (password spraying) */
  perAddress: number;
}

export type LoginReservation = { attemptId: string } | { retryAfterMs: number };

/**
 * Counts the recent failures of this account from this address, of this account
 * and of this address and, under the limits, records the attempt as a failure
 * until `markLoginSucceeded` says otherwise: attempts still being checked count
 * too, so parallel guesses can't slip past. Runs in the caller's transaction,
 * which must hold advisory locks on the account and the address so two attempts
 * are not counted at once.
 *
 * Over a limit, nothing is recorded (hammering doesn't extend the lockout) and
 * the answer is when the limiting failure leaves the window.
 */
export async function reserveLoginAttempt(
  client: pg.PoolClient,
  attempt: { email: string; address: string },
  limits: LoginLimits,
): Promise<LoginReservation> {
  const since = new Date(limits.now.getTime() - limits.windowMs);
  // the Nth newest failure in the window: while there is one, that limit is reached
  const r = await client.query<{ pair_blocker: Date | null; account_blocker: Date | null; address_blocker: Date | null }>(
    `SELECT
       (SELECT created_at FROM login_attempts
         WHERE email = $1 AND address = $2 AND NOT succeeded AND created_at > $3
           AND created_at > coalesce((SELECT max(created_at) FROM login_attempts WHERE email = $1 AND address = $2 AND succeeded), '-infinity')
         ORDER BY created_at DESC OFFSET $4 - 1 LIMIT 1) AS pair_blocker,
       (SELECT created_at FROM login_attempts
         WHERE email = $1 AND NOT succeeded AND created_at > $3
           AND created_at > coalesce((SELECT max(created_at) FROM login_attempts WHERE email = $1 AND succeeded), '-infinity')
         ORDER BY created_at DESC OFFSET $5 - 1 LIMIT 1) AS account_blocker,
       (SELECT created_at FROM login_attempts
         WHERE address = $2 AND NOT succeeded AND created_at > $3
         ORDER BY created_at DESC OFFSET $6 - 1 LIMIT 1) AS address_blocker`,
    [attempt.email, attempt.address, since, limits.perAccountAndAddress, limits.perAccount, limits.perAddress],
  );
  const row = r.rows[0];
  const blockers = [row?.pair_blocker, row?.account_blocker, row?.address_blocker].filter((d): d is Date => d instanceof Date);
  if (blockers.length > 0) {
    const until = Math.max(...blockers.map((d) => d.getTime() + limits.windowMs));
    return { retryAfterMs: Math.max(0, until - limits.now.getTime()) };
  }
  const inserted = await client.query<{ id: string }>(
    `WITH pruned AS (DELETE FROM login_attempts WHERE created_at < $4::timestamptz - interval '1 day')
     INSERT INTO login_attempts (id, email, address, succeeded, created_at)
     VALUES (gen_random_uuid(), $1, $2, false, $3) RETURNING id`,
    [attempt.email, attempt.address, limits.now, limits.now],
  );
  return { attemptId: inserted.rows[0]!.id };
}

/** The attempt found the right password: it no longer counts, nor do the account's failures before it. */
export async function markLoginSucceeded(pool: pg.Pool, attemptId: string): Promise<void> {
  await pool.query(`UPDATE login_attempts SET succeeded = true WHERE id = $1`, [attemptId]);
}
