import type { Prisma } from '@heinrich/db/generated/prisma/client';

/** The columns of a user that may leave the database: never password_hash itself. */
export const USER_SUMMARY = {
  id: true,
  name: true,
  email: true,
  timeZone: true,
  role: true,
  passwordHash: true,
  slackUserId: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.UserSelect;

type Row = Prisma.UserGetPayload<{ select: typeof USER_SUMMARY }>;

export type UserSummary = Omit<Row, 'passwordHash'> & { hasPassword: boolean };

/** Drops the hash, keeping only whether there is one. */
export function toUserSummary({ passwordHash, ...rest }: Row): UserSummary {
  return { ...rest, hasPassword: passwordHash !== null };
}

/** A user as the audit log records it. */
export function userSnapshot(u: UserSummary) {
  return { id: u.id, name: u.name, email: u.email, timeZone: u.timeZone, role: u.role, hasPassword: u.hasPassword, slackUserId: u.slackUserId };
}
