import type { Prisma } from '../generated/prisma/client';

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

export type UserSummaryRow = Prisma.UserGetPayload<{ select: typeof USER_SUMMARY }>;

export type UserSummary = Omit<UserSummaryRow, 'passwordHash'> & { hasPassword: boolean };

/** Drops the hash, keeping only whether there is one. */
export function toUserSummary({ passwordHash, ...rest }: UserSummaryRow): UserSummary {
  return { ...rest, hasPassword: passwordHash !== null };
}
