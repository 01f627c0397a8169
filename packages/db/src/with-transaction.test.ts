import { describe, expect, it } from 'vitest';
import { advisoryLockKey, lockStatements } from './with-transaction';

describe('lockStatements', () => {
  it('takes no lock when none is asked for', () => {
    expect(lockStatements([])).toEqual([]);
  });

  it('takes locks level by level, sorted by key within a level, once each (exclusive wins)', () => {
    const [a, b, c] = ['a', 'b', 'c'].map(advisoryLockKey).sort((x, y) => (x < y ? -1 : 1));
    const name = (key: bigint) => ['a', 'b', 'c'].find((n) => advisoryLockKey(n) === key)!;
    const statements = lockStatements([
      { name: name(a!), level: 1 },
      { name: name(c!), shared: true },
      { name: name(b!), shared: true },
      { name: name(b!) },
      name(a!),
    ]);
    expect(statements).toEqual([`SELECT pg_advisory_xact_lock(${a}), pg_advisory_xact_lock(${b}), pg_advisory_xact_lock_shared(${c})`]);
  });

  it('splits thousands of locks over statements Postgres accepts (at most 1,664 items in a select list)', () => {
    const statements = lockStatements(Array.from({ length: 2_500 }, (_, i) => `lock-${i}`));
    expect(statements).toHaveLength(3);
    const keys = statements.flatMap((s) => [...s.matchAll(/\((-?\d+)\)/g)].map((m) => BigInt(m[1]!)));
    expect(keys).toHaveLength(2_500);
    expect(keys).toEqual([...keys].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    expect(statements.every((s) => s.split(',').length <= 1_664)).toBe(true);
  });
});
