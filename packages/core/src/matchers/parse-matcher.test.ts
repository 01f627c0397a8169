import { describe, expect, it } from 'vitest';
import { compileMatcher, formatMatcher, matchesAll } from './label-matcher';
import { parseMatcher, parseMatchers } from './parse-matcher';

describe('parseMatcher', () => {
  it.each<[string, { name: string; op: string; value: string }]>([
    ['node="d01"', { name: 'node', op: '=', value: 'd01' }],
    ['node!="d01"', { name: 'node', op: '!=', value: 'd01' }],
    ['namespace=~"batch-.*"', { name: 'namespace', op: '=~', value: 'batch-.*' }],
    ['namespace!~"kube-.*|default"', { name: 'namespace', op: '!~', value: 'kube-.*|default' }],
    ['  node = "d01"  ', { name: 'node', op: '=', value: 'd01' }],
    ['node=d01', { name: 'node', op: '=', value: 'd01' }],
    ['team=""', { name: 'team', op: '=', value: '' }],
    ['summary="say \\"hi\\""', { name: 'summary', op: '=', value: 'say "hi"' }],
    ['path="C:\\\\tmp"', { name: 'path', op: '=', value: 'C:\\tmp' }],
    ['msg="a\\nb"', { name: 'msg', op: '=', value: 'a\nb' }],
    ['re=~"\\\\d+"', { name: 're', op: '=~', value: '\\d+' }],
    ['x="a,b=c"', { name: 'x', op: '=', value: 'a,b=c' }],
    ['_private="1"', { name: '_private', op: '=', value: '1' }],
    ['u="\\u00e9t\\u00e9"', { name: 'u', op: '=', value: 'été' }],
  ])('%s', (text, want) => {
    expect(parseMatcher(text)).toEqual({ ok: true, matcher: want });
  });

  it.each<[string, RegExp]>([
    ['node', /no operator/],
    ['="x"', /missing the label name/],
    ['1node="x"', /invalid label name/],
    ['no-de="x"', /invalid label name/],
    ['node=="x"', /unquoted value/],
    ['node!"x"', /invalid operator/],
    ['node="x', /unterminated/],
    ['node="x"y', /text after the closing quote/],
    ['node="\\d"', /invalid escape \\d/],
    ['node=a b', /unquoted value/],
    ['node=~"(unclosed"', /invalid regular expression/],
    ['node=~"a{2,1}"', /invalid regular expression/],
    // RE2 has no backreferences or lookarounds: refused like Alertmanager refuses them
    ['node=~"(a)\\\\1"', /invalid regular expression/],
    ['node=~"(?=a)"', /invalid regular expression/],
  ])('refuses %s', (text, error) => {
    const parsed = parseMatcher(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });
});

describe('parseMatchers', () => {
  it('a braced list, commas inside values kept', () => {
    expect(parseMatchers('{alertname="Disk", node=~"d0[1-3]", msg="a, b"}')).toEqual({
      ok: true,
      matchers: [
        { name: 'alertname', op: '=', value: 'Disk' },
        { name: 'node', op: '=~', value: 'd0[1-3]' },
        { name: 'msg', op: '=', value: 'a, b' },
      ],
    });
  });
  it('an empty list and a trailing comma', () => {
    expect(parseMatchers('{}')).toEqual({ ok: true, matchers: [] });
    expect(parseMatchers('a="1",')).toEqual({ ok: true, matchers: [{ name: 'a', op: '=', value: '1' }] });
  });
  it('names the bad entry', () => {
    expect(parseMatchers('a="1", b=~"("')).toMatchObject({ ok: false, index: 1 });
    expect(parseMatchers('{a="1"')).toMatchObject({ ok: false, index: 0 });
  });
});

describe('compileMatcher', () => {
  const m = (text: string) => {
    const p = parseMatcher(text);
    if (!p.ok) throw new Error(p.error);
    return compileMatcher(p.matcher);
  };
  it.each<[string, Record<string, string>, boolean]>([
    ['node="d01"', { node: 'd01' }, true],
    ['node="d01"', { node: 'd011' }, false],
    ['node!="d01"', { node: 'd02' }, true],
    ['node!="d01"', {}, true],
    ['team=""', {}, true],
    ['team=""', { team: 'db' }, false],
    ['team!=""', { team: 'db' }, true],
    // fully anchored: the whole value must match
    ['namespace=~"batch-.*"', { namespace: 'batch-nightly' }, true],
    ['namespace=~"batch-.*"', { namespace: 'xbatch-nightly' }, false],
    ['namespace=~"batch"', { namespace: 'batch-nightly' }, false],
    ['namespace=~"a|b"', { namespace: 'b' }, true],
    ['namespace=~"a|b"', { namespace: 'ab' }, false],
    ['namespace!~"kube-.*"', { namespace: 'kube-system' }, false],
    ['namespace!~"kube-.*"', { namespace: 'default' }, true],
    ['node=~".*"', {}, true],
    ['node=~".+"', {}, false],
    ['node=~"\\\\d+"', { node: '123' }, true],
    ['node=~"\\\\d+"', { node: '12a' }, false],
    // RE2 semantics: . does not match a newline unless (?s)
    ['msg=~"a.b"', { msg: 'a\nb' }, false],
    ['msg=~"(?s)a.b"', { msg: 'a\nb' }, true],
  ])('%s against %j: %s', (text, labels, want) => {
    expect(m(text).matches(labels)).toBe(want);
  });

  it('a pathological pattern stays linear', () => {
    const started = Date.now();
    expect(m('x=~"(a+)+$"').matches({ x: `${'a'.repeat(5000)}b` })).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('matchesAll needs every matcher; none matches everything', () => {
    const ms = [m('a="1"'), m('b=~"x|y"')];
    expect(matchesAll(ms, { a: '1', b: 'y' })).toBe(true);
    expect(matchesAll(ms, { a: '1', b: 'z' })).toBe(false);
    expect(matchesAll([], { a: '1' })).toBe(true);
  });

  it('formats back to the syntax', () => {
    expect(formatMatcher({ name: 'msg', op: '=~', value: 'say "hi"' })).toBe('msg=~"say \\"hi\\""');
  });
});
