// One data-access path (docs/architecture.md, "Data access"): every query,
// Prisma Client or SQL, lives in packages/db behind a function named for what
// it does. packages/usecases holds no Prisma calls, no SQL and no import of the
// generated client, not even in a comment.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const usecases = join(root, 'packages/usecases/src');

const FORBIDDEN: { name: string; pattern: RegExp }[] = [
  { name: 'a Prisma model call (prisma.<model>.<op>)', pattern: /\bprisma\s*\.\s*[a-z]\w*\s*\.\s*\w+/ },
  { name: 'a Prisma call on a transaction client (tx.<model>.<op>)', pattern: /\b(tx|trx|inner)\s*\.\s*[a-z]\w*\s*\.\s*(find\w*|create\w*|update\w*|upsert|delete\w*|count|aggregate|groupBy)\s*\(/ },
  { name: '$transaction', pattern: /\$transaction/ },
  { name: 'raw SQL through Prisma', pattern: /\$(queryRaw|executeRaw)\w*/ },
  { name: 'SQL on a pool, client or transaction', pattern: /\b(pool|client|tx)\s*\.\s*query\s*(<[^>]*>)?\s*\(/ },
  { name: 'the generated Prisma client', pattern: /generated\/prisma|@prisma\/client/ },
];


function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const offenders = new Map<string, string[]>();
for (const file of sourceFiles(usecases)) {
  const text = readFileSync(file, 'utf8');
  const found = text.split('\n').flatMap((line, i) => FORBIDDEN.filter((f) => f.pattern.test(line)).map((f) => `${i + 1}: ${f.name}: ${line.trim()}`));
  if (found.length > 0) offenders.set(relative(usecases, file), found);
}

describe('packages/usecases has no data access of its own', () => {
  it('no Prisma calls, SQL or generated-client imports', () => {
    expect([...offenders].map(([file, lines]) => `${file}:${lines.join('\n  ')}`)).toEqual([]);
  });

  it('the check sees the files (it would find a query if one were there)', () => {
    const sample = "await ctx.db.prisma.user.findMany({}); await tx.query('SELECT 1'); import type { Prisma } from '@heinrich/db/generated/prisma/client';";
    expect(FORBIDDEN.filter((f) => f.pattern.test(sample)).map((f) => f.name)).toHaveLength(3);
    expect(sourceFiles(usecases).length).toBeGreaterThan(100);
  });
});
