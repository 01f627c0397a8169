import { z } from 'zod';
import { instant, uuid } from './primitives';

export const teamRole = z.enum(['lead', 'responder', 'viewer'], { error: 'must be "lead", "responder" or "viewer"' });

const member = z.strictObject({ userId: uuid, role: teamRole });

/** The whole membership: each user once. */
const members = z
  .array(member, { error: 'must be an array of {userId, role}' })
  .max(1_000, 'must list at most 1000 members')
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((m, i) => {
      if (seen.has(m.userId)) ctx.addIssue({ code: 'custom', path: [i, 'userId'], message: `lists user ${m.userId} more than once` });
      seen.add(m.userId);
    });
  });

const name = z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** POST /api/v1/teams */
export const createTeamBody = z.strictObject({ name, members: members.default([]) });
export type CreateTeamBody = z.infer<typeof createTeamBody>;

/** PATCH /api/v1/teams/{id}: `members`, when given, replaces the whole set. */
export const updateTeamBody = z.strictObject({ name: name.optional(), members: members.optional() });
export type UpdateTeamBody = z.infer<typeof updateTeamBody>;

export const teamJson = z.strictObject({
  id: uuid,
  name: z.string(),
  members: z.array(z.strictObject({ userId: uuid, name: z.string(), email: z.string(), role: teamRole })).describe('by name'),
  createdAt: instant,
  updatedAt: instant,
});
export type TeamJson = z.infer<typeof teamJson>;
