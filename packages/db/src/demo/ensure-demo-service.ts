import { prismaOf, type Queryable } from '../queryable';

/**
 * The demo service with its integration keys: created (with the keys) unless
 * the alertmanager key exists already; then the alertmanager key gets the
 * Alertmanager URL where it has none. Returns the service's id.
 */
export async function ensureDemoService(
  q: Queryable,
  demo: {
    service: { name: string; description: string; teamId: string; escalationPolicyId: string; groupBy: string[]; urgency: 'bySeverity' };
    keys: readonly { type: 'alertmanager' | 'events'; secretHash: string; secretPrefix: string }[];
    alertmanagerKeyHash: string;
    alertmanagerUrl: string;
  },
): Promise<string> {
  const prisma = prismaOf(q);
  const existingKey = await prisma.integrationKey.findUnique({ where: { secretHash: demo.alertmanagerKeyHash } });
  let serviceId = existingKey?.serviceId;
  if (!serviceId) {
    const service = await prisma.service.create({ data: demo.service });
    serviceId = service.id;
    for (const key of demo.keys) {
      await prisma.integrationKey.create({ data: { serviceId, type: key.type, name: `demo ${key.type}`, secretHash: key.secretHash, secretPrefix: key.secretPrefix } });
    }
  }
  // silences go only to the Alertmanager URL configured on the key
  await prisma.integrationKey.updateMany({
    where: { secretHash: demo.alertmanagerKeyHash, alertmanagerUrl: null },
    data: { alertmanagerUrl: demo.alertmanagerUrl },
  });
  return serviceId;
}
