import { describe, expect, it } from 'vitest';
import { MAX_WARNINGS, repairText, sliceText, truncateUtf8, utf8ByteLength, type InputWarning } from './repair-text';

describe('repairText', () => {
  it('replaces NUL in values and names, in place, saying where', () => {
    const warnings: InputWarning[] = [];
    const body = { groupKey: 'a\u0000b', alerts: [{ labels: { pod: 'x\u0000', 'te\u0000am': 'infra', ok: 'fine' } }], n: 4 };
    const out = repairText(body, warnings);
    expect(out).toBe(body);
    expect(body).toEqual({ groupKey: 'a\uFFFDb', alerts: [{ labels: { pod: 'x\uFFFD', 'te\uFFFDam': 'infra', ok: 'fine' } }], n: 4 });
    expect(Object.keys(body.alerts[0]!.labels)).toEqual(['pod', 'te\uFFFDam', 'ok']);
    expect(warnings).toEqual([
      { path: 'groupKey', message: 'NUL characters replaced by U+FFFD' },
      { path: 'alerts.0.labels.pod', message: 'NUL characters replaced by U+FFFD' },
      { path: 'alerts.0.labels.te\uFFFDam', message: 'NUL characters in the name replaced by U+FFFD' },
    ]);
  });

  it('cuts strings over 64 KiB of UTF-8 at a character boundary', () => {
    const warnings: InputWarning[] = [];
    const body = { a: '😀'.repeat(20_000), b: 'x'.repeat(65_536) };
    repairText(body, warnings);
    expect(body.a).toBe('😀'.repeat(16_384));
    expect(body.b).toHaveLength(65_536);
    expect(warnings).toEqual([{ path: 'a', message: 'truncated to 65536 bytes (64 KiB) of UTF-8 from 80000' }]);
  });

  it('leaves skipped paths alone, survives deep nesting, keeps `__proto__` a plain key', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const body = JSON.parse('{"details": {"x": "a\\u0000"}, "labels": {"__proto__": "v", "k\\u0000": "w"}}');
    body.deep = deep;
    const warnings: InputWarning[] = [];
    repairText(body, warnings, { skip: ['details'] });
    expect(body.details.x).toBe('a\u0000');
    expect(Object.getPrototypeOf(body.labels)).toBe(Object.prototype);
    expect(Object.keys(body.labels)).toEqual(['__proto__', 'k\uFFFD']);
    expect(warnings.map((w) => w.path)).toEqual(['labels.k\uFFFD', expect.stringMatching(/^deep\.0\.0\./)]);
  });

  it('lists at most MAX_WARNINGS warnings and counts the rest', () => {
    const warnings: InputWarning[] = [];
    repairText(Array.from({ length: 250 }, () => '\u0000'), warnings);
    expect(warnings).toHaveLength(MAX_WARNINGS + 1);
    expect(warnings.at(-1)).toEqual({ path: '(root)', message: 'and 150 more strings repaired the same ways' });
  });
});

describe('UTF-8 helpers', () => {
  it('count and cut like the encoder does', () => {
    for (const s of ['', 'abc', 'é', '😀', 'a😀é€', '\ud800', 'x\udc00y']) {
      expect(utf8ByteLength(s)).toBe(new TextEncoder().encode(s).length);
    }
    expect(truncateUtf8('a😀b', 4)).toBe('a');
    expect(truncateUtf8('a😀b', 5)).toBe('a😀');
    expect(sliceText('ab😀', 3)).toBe('ab');
    expect(sliceText('ab😀', 4)).toBe('ab😀');
  });
});
