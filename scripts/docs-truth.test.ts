// Docs that tell the truth: architecture.md and api.md announce nothing as future
// that exists, and the SDK versions docs/protocols.md names are the installed ones.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** Phrases that announce work as future ("later work", a "**Not yet**" heading, ...). */
const FUTURE = [/later work/i, /later issues?/i, /no provider yet/i, /\*\*not yet\*\*/i, /not yet (built|implemented|available|supported)/i];

describe('docs are true to the code', () => {
  for (const doc of ['docs/architecture.md', 'docs/api.md']) {
    it(`${doc} announces nothing as future work`, () => {
      const found = read(doc)
        .split('\n')
        .flatMap((line, i) => (FUTURE.some((p) => p.test(line)) ? [`${doc}:${i + 1}: ${line.trim()}`] : []));
      expect(found).toEqual([]);
    });
  }

  it('every source file docs/architecture.md names exists', () => {
    const named = [...read('docs/architecture.md').matchAll(/\b(?:apps|packages|scripts|test|bench)\/[\w./{},-]+\.(?:ts|tsx|mjs)\b/g)].flatMap(([path]) => {
      // a {a,b} alternation names each file
      const brace = /\{([^}]+)\}/.exec(path);
      return brace ? brace[1]!.split(',').map((alt) => path.replace(brace[0], alt)) : [path];
    });
    expect(named.length).toBeGreaterThan(40);
    expect([...new Set(named)].filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });

  it('docs/protocols.md names the SDK versions package-lock.json installs', () => {
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { version?: string }> };
    const line = /\*\*Heinrich: installed\*\*[^:]*:([\s\S]*?)\n\S*The /.exec(read('docs/protocols.md'));
    expect(line, 'docs/protocols.md has its "**Heinrich: installed**" paragraph').not.toBeNull();
    const named = [...line![1]!.matchAll(/(@?[a-z][\w./-]*) (\d+\.\d+\.\d+)/g)].map(([, name, version]) => ({ name: name!, version: version! }));
    for (const sdk of ['express', 'bullmq', 'ioredis', 'twilio', '@slack/web-api', 'prisma', '@prisma/adapter-pg', '@prisma/client', 'vitest']) {
      expect(named.map((n) => n.name), `protocols.md names ${sdk}`).toContain(sdk);
    }
    const wrong = named.filter(({ name, version }) => lock.packages[`node_modules/${name}`]?.version !== version).map(({ name, version }) => `${name} ${version} (installed: ${lock.packages[`node_modules/${name}`]?.version ?? 'none'})`);
    expect(wrong).toEqual([]);
  });
});
