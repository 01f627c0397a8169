import type { Service } from '@heinrich/db/generated/prisma/client';
import type { Context } from '../context';
import { checkServiceReferences } from './check-service-references';

export interface NewService {
  name: string;
  description: string | null;
  teamId: string | null;
  escalationPolicyId: string | null;
  groupBy: string[];
  autoResolve: boolean;
  urgency: Service['urgency'];
}

export async function createService(ctx: Context, input: NewService): Promise<Service> {
  await checkServiceReferences(ctx.db.prisma, input);
  return ctx.db.prisma.service.create({ data: input });
}
