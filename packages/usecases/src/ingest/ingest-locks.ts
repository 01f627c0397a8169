import type { AdvisoryLock } from '@heinrich/db/with-transaction';

/**
 * Most group locks one ingest transaction takes. Above it, the services with
 * the most groups are locked whole instead: advisory locks live in Postgres's
 * shared lock table (max_locks_per_transaction × max_connections, 6,400 slots
 * by default, for the whole server), and a notification may carry 50,000 groups.
 */
export const MAX_GROUP_LOCKS = 256;

/** The advisory lock serializing ingest of one group of a service. */
export function groupLock(serviceId: string, keyHash: string): string {
  return `ingest:${serviceId}:${keyHash}`;
}

/** The advisory lock of a service's whole ingest: shared by every ingest transaction, exclusive for a very large one. */
export function serviceLock(serviceId: string): string {
  return `ingest:${serviceId}`;
}

/**
 * The locks of an ingest transaction touching these (service, group) pairs:
 * per service, its lock shared (level 0) and each group's lock exclusive
 * (level 1) — or, for the services with the most groups until at most
 * MAX_GROUP_LOCKS group locks are left, the service lock exclusive alone.
 * Either way two transactions touching one group are serialized, and the
 * levels keep lock order deadlock-free.
 */
export function ingestLocks(groups: readonly { serviceId: string; keyHash: string }[]): AdvisoryLock[] {
  const byService = new Map<string, Set<string>>();
  for (const { serviceId, keyHash } of groups) {
    let hashes = byService.get(serviceId);
    if (!hashes) byService.set(serviceId, (hashes = new Set()));
    hashes.add(keyHash);
  }
  let groupLocks = [...byService.values()].reduce((n, hashes) => n + hashes.size, 0);
  const locks: AdvisoryLock[] = [];
  for (const [serviceId, hashes] of [...byService].sort((a, b) => b[1].size - a[1].size)) {
    if (groupLocks > MAX_GROUP_LOCKS) {
      locks.push({ name: serviceLock(serviceId), level: 0 });
      groupLocks -= hashes.size;
      continue;
    }
    locks.push({ name: serviceLock(serviceId), shared: true, level: 0 });
    for (const keyHash of hashes) locks.push({ name: groupLock(serviceId, keyHash), level: 1 });
  }
  return locks;
}
