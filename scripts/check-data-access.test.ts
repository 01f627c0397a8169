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

/**
 * Files not yet converted (issue 15): this list only shrinks. A file on it
 * that no longer has a forbidden form must leave it.
 */
const NOT_YET_CONVERTED: readonly string[] = [
  'api-keys/api-key-summary.ts',
  'api-keys/create-api-key.ts',
  'api-keys/list-api-keys.ts',
  'api-keys/revoke-api-key.ts',
  'audit/record-audit.ts',
  'auth/accept-invite.ts',
  'auth/change-password.ts',
  'auth/create-session.ts',
  'auth/describe-principal.ts',
  'auth/sign-in.ts',
  'auth/sign-out.ts',
  'contact-methods/contact-method-record.ts',
  'contact-methods/create-contact-method.ts',
  'contact-methods/delete-contact-method.ts',
  'contact-methods/list-contact-methods.ts',
  'contact-methods/personal-owner.ts',
  'contact-methods/send-verification-code.ts',
  'contact-methods/verify-contact-method.ts',
  'demo/seed-demo.ts',
  'incidents/create-manual-incident.ts',
  'incidents/explain-incident.ts',
  'integration-keys/create-integration-key.ts',
  'integration-keys/integration-key-summary.ts',
  'integration-keys/list-integration-keys.ts',
  'integration-keys/revoke-integration-key.ts',
  'notification-rules/create-notification-rule.ts',
  'notification-rules/delete-notification-rule.ts',
  'notification-rules/list-notification-rules.ts',
  'notification-rules/notification-rule-record.ts',
  'notifications/list-notifications.ts',
  'silences/silence-actor.ts',
  'silences/silence-incident.ts',
  'slack/handle-slash-command.ts',
  'users/create-user.ts',
  'users/delete-user.ts',
  'users/get-user.ts',
  'users/invite-user.ts',
  'users/list-users.ts',
  'users/update-user.ts',
  'users/user-summary.ts',
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
  it('no Prisma calls, SQL or generated-client imports outside the files still to convert', () => {
    const unexpected = [...offenders].filter(([file]) => !NOT_YET_CONVERTED.includes(file)).map(([file, lines]) => `${file}:${lines.join('\n  ')}`);
    expect(unexpected).toEqual([]);
  });

  it('the list of files still to convert names only files that still need it', () => {
    expect(NOT_YET_CONVERTED.filter((file) => !offenders.has(file))).toEqual([]);
  });
});
