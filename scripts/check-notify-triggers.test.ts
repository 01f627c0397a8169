// SQL triggers whose work no TypeScript shows are named where it listens
// (issue 15): every trigger of prisma/migrations that is still there is named,
// with its migration, in the listener that LISTENs to what it NOTIFYs.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const migrations = join(root, 'prisma/migrations');

/** the listeners: the only code that LISTENs */
const LISTENERS = ['packages/db/src/delivery/listen-for-deliveries.ts', 'packages/db/src/slack/listen-for-slack.ts'];

function triggers(): { name: string; migration: string }[] {
  const made = new Map<string, string>();
  for (const dir of readdirSync(migrations, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const sql = readFileSync(join(migrations, dir, 'migration.sql'), 'utf8');
    for (const m of sql.matchAll(/CREATE\s+(?:OR\s+REPLACE\s+)?TRIGGER\s+"?(\w+)"?/gi)) made.set(m[1]!, dir);
    for (const m of sql.matchAll(/DROP\s+TRIGGER\s+(?:IF\s+EXISTS\s+)?"?(\w+)"?/gi)) made.delete(m[1]!);
  }
  return [...made].map(([name, migration]) => ({ name, migration }));
}

describe('SQL triggers', () => {
  const listeners = LISTENERS.map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));

  it('the listeners listed here LISTEN', () => {
    for (const l of listeners) expect(l.text, l.path).toMatch(/LISTEN \$\{\w+\}/);
  });

  it.each(triggers())('$name ($migration) is named, with its migration, by the listener of its channel', ({ name, migration }) => {
    const naming = listeners.filter((l) => l.text.includes(`\`${name}\``) && l.text.includes(migration));
    expect(naming.map((l) => l.path), `no listener names trigger ${name} of ${migration}`).not.toEqual([]);
  });
});
