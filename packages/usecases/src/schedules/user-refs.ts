import type { Queryable } from '@heinrich/db/queryable';
import { findUserNames } from '@heinrich/db/users/find-user-names';

/** A user as answers about who is on call name them; `name` null: deleted since the schedule named them. */
export interface UserRef {
  id: string;
  name: string | null;
}

/** Names for user ids, in one query: a function from id to UserRef. */
export async function findUserRefs(q: Queryable, ids: Iterable<string>): Promise<(id: string) => UserRef> {
  const names = await findUserNames(q, [...new Set(ids)]);
  return (id) => ({ id, name: names.get(id) ?? null });
}
