import type { TeamJson } from '@heinrich/contracts/teams';
import type { UserJson } from '@heinrich/contracts/users';
import { describe, expect, it } from 'vitest';
import { namer, onCallCandidates } from './people';

const team: TeamJson = {
  id: 't',
  name: 'Payments',
  members: [
    { userId: 'l', name: 'Lena', email: 'l@x', role: 'lead' },
    { userId: 'r', name: 'Bob', email: 'r@x', role: 'responder' },
    { userId: 'v', name: 'Vic', email: 'v@x', role: 'viewer' },
  ],
  createdAt: '',
  updatedAt: '',
};
// only the fields onCallCandidates and namer read
const user = (id: string, name: string, role: 'admin' | 'user') => ({ id, name, email: `${id}@x`, timeZone: 'UTC', role, hasPassword: true, createdAt: '', updatedAt: '' }) as UserJson;

describe('who may be on call', () => {
  it("offers the team's responders and leads and every admin, not viewers, by name", () => {
    const users = [user('a', 'Ada', 'admin'), user('v', 'Vic', 'user'), user('o', 'Otto', 'user')];
    expect(onCallCandidates(team, users).map((p) => p.name)).toEqual(['Ada', 'Bob', 'Lena']);
  });

  it('names ids from the team and the users, and says when a user is gone', () => {
    const nameOf = namer(team, [user('a', 'Ada', 'admin')]);
    expect([nameOf('r'), nameOf('a'), nameOf('zzz')]).toEqual(['Bob', 'Ada', 'unknown user']);
  });
});
