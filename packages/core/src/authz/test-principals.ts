// Fixtures for the authorize tests: two teams and Alice signed in with the
// team roles a test needs.
import type { Principal, TeamRole } from './principal';

export const A = { id: '00000000-0000-4000-8000-00000000000a', name: 'Collector' };
export const B = { id: '00000000-0000-4000-8000-00000000000b', name: 'Payments' };

/** Alice's session with these team roles (and global role). */
export function session(teamRoles: Record<string, TeamRole> = {}, role: Principal['role'] = 'user'): Principal {
  return { kind: 'session', userId: 'u-1', sessionId: 's-1', role, teamRoles, display: 'Alice', via: 'ui' };
}

export const leadA = session({ [A.id]: 'lead' });
export const responderA = session({ [A.id]: 'responder' });
export const viewerA = session({ [A.id]: 'viewer' });
export const leadB = session({ [B.id]: 'lead' });
