// No developer text in the UI (issue 22 "Messages"): the strings and JSX text of
// the web app's sources (comments removed) name no docs/*.md file, no API
// endpoint and no "(worker)"; API sentences shown as they come lose their docs
// pointers (lib/api-message.ts withoutDocReferences).
import { describe, expect, it } from 'vitest';

const SOURCES: Record<string, string> = import.meta.glob(['./**/*.ts', './**/*.tsx', '!./**/*.test.ts'], { query: '?raw', import: 'default', eager: true });

/** The source without its comments (block comments and line comments outside strings, roughly). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\w])\/\/.*$/gm, '$1');
}

describe('no developer text in the web UI', () => {
  it('no docs/*.md, "endpoint" or "(worker)" in what the sources show', () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const [file, text] of Object.entries(SOURCES)) {
      code(text)
        .split('\n')
        .forEach((line, i) => {
          if (/docs\/[\w-]+\.md|\bendpoints?\b|\(worker\)|the API has no/i.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
