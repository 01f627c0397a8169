import { prismaOf, type Queryable } from '../queryable';

export interface ApiKeyProfile {
  id: string;
  name: string;
  role: 'admin' | 'lead' | 'responder' | 'viewer';
  teamId: string | null;
}

/** The API key's id, name, role and team (revoked or not), or null when there is no such key. */
export async function findApiKeyProfile(q: Queryable, id: string): Promise<ApiKeyProfile | null> {
  return prismaOf(q).apiKey.findUnique({ where: { id }, select: { id: true, name: true, role: true, teamId: true } });
}
