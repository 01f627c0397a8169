import { describe, expect, it } from 'vitest';
import { MAX_GROUP_LOCKS, groupLock, ingestLocks, serviceLock } from './ingest-locks';

const groups = (serviceId: string, n: number) => Array.from({ length: n }, (_, i) => ({ serviceId, keyHash: `h${i}` }));

describe('ingestLocks', () => {
  it('locks each group exclusively under its service lock shared', () => {
    expect(ingestLocks([...groups('s1', 2), { serviceId: 's1', keyHash: 'h0' }])).toEqual([
      { name: serviceLock('s1'), shared: true, level: 0 },
      { name: groupLock('s1', 'h0'), level: 1 },
      { name: groupLock('s1', 'h1'), level: 1 },
    ]);
    expect(ingestLocks([])).toEqual([]);
  });

  it('locks a service whole when it has more groups than MAX_GROUP_LOCKS, and the others group by group', () => {
    const locks = ingestLocks([...groups('small', 3), ...groups('big', 2_000)]);
    expect(locks.filter((l) => l.level === 0)).toEqual([
      { name: serviceLock('big'), level: 0 },
      { name: serviceLock('small'), shared: true, level: 0 },
    ]);
    expect(locks.filter((l) => l.level === 1)).toHaveLength(3);
  });

  it('never takes more than MAX_GROUP_LOCKS group locks, however the groups spread over services', () => {
    const many = Array.from({ length: 40 }, (_, s) => groups(`s${s}`, 20 + s)).flat();
    const locks = ingestLocks(many);
    expect(locks.filter((l) => l.level === 1).length).toBeLessThanOrEqual(MAX_GROUP_LOCKS);
    // every service is locked, one way or the other
    expect(locks.filter((l) => l.level === 0)).toHaveLength(40);
    expect(ingestLocks(groups('s', MAX_GROUP_LOCKS)).filter((l) => l.level === 1)).toHaveLength(MAX_GROUP_LOCKS);
  });
});
