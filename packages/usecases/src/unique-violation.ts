/**
 * A unique constraint refused the write (Prisma's P2002, or SQLSTATE 23505 from
 * hand-written SQL): the caller turns it into a 409 naming the duplicate value.
 */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'P2002' || code === '23505';
}
