import type { TeamJson } from '@heinrich/contracts/teams';
import type { UserJson } from '@heinrich/contracts/users';

export interface Person {
  id: string;
  name: string;
}

/** Who may be on call in a team's schedule: its responders and leads, and admins (docs/schedules.md, who may be on call). */
export function onCallCandidates(team: TeamJson | null, users: UserJson[]): Person[] {
  const out = new Map<string, Person>();
  for (const m of team?.members ?? []) if (m.role !== 'viewer') out.set(m.userId, { id: m.userId, name: m.name });
  for (const u of users) if (u.role === 'admin' && !out.has(u.id)) out.set(u.id, { id: u.id, name: u.name });
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** A name for a user id from the lists at hand ("unknown user" for one that was deleted). */
export function namer(team: TeamJson | null, users: UserJson[]): (id: string) => string {
  const names = new Map<string, string>();
  for (const u of users) names.set(u.id, u.name);
  for (const m of team?.members ?? []) names.set(m.userId, m.name);
  return (id) => names.get(id) ?? 'unknown user';
}
