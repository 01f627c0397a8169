// Helpers of the schedule integration tests: a team with people in every role,
// and schedule bodies. Everything is created through the real API.
import { randomUUID } from 'node:crypto';
import type { SignedInUser, TestApi } from '../support/api-server';

export interface TeamWithPeople {
  team: { id: string; name: string };
  lead: SignedInUser;
  /** responders: the people the schedules rotate */
  alice: SignedInUser;
  bob: SignedInUser;
  carol: SignedInUser;
  viewer: SignedInUser;
}

/** A team (named `name` plus a suffix) with a lead, three responders and a viewer, all signed in. */
export async function teamWithPeople(api: TestApi, name: string): Promise<TeamWithPeople> {
  const team = (await api.admin('POST', '/api/v1/teams', { name: `${name} ${randomUUID().slice(0, 6)}` })).body as { id: string; name: string };
  const person = (n: string, role: 'lead' | 'responder' | 'viewer') => api.createUser({ name: n, teams: { [team.id]: role } });
  return {
    team,
    lead: await person(`${name} lead`, 'lead'),
    alice: await person('Alice', 'responder'),
    bob: await person('Bob', 'responder'),
    carol: await person('Carol', 'responder'),
    viewer: await person(`${name} viewer`, 'viewer'),
  };
}

/** The example: weekly handoffs Monday 09:00 Berlin, Monday 09:00 - Friday 17:00 only. */
export function weeklyLayer(members: string[], extra: Record<string, unknown> = {}) {
  return {
    name: 'weekly',
    members,
    rotation: { type: 'weekly', shiftLength: 1 },
    start: '2026-03-16T09:00:00+01:00',
    restrictions: [{ type: 'weekly', start: { weekday: 'monday', time: '09:00' }, end: { weekday: 'friday', time: '17:00' } }],
    ...extra,
  };
}

export function scheduleBody(teamId: string, layers: unknown[], extra: Record<string, unknown> = {}) {
  return { name: `Collector primary ${randomUUID().slice(0, 6)}`, teamId, timeZone: 'Europe/Berlin', layers, ...extra };
}

/** The dotted paths an error names. */
export const paths = (body: { error: { fields: { path: string }[] } }) => body.error.fields.map((f) => f.path);
