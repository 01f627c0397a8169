import { RE2JS } from 're2js';

/** Alertmanager's four match operators (https://prometheus.io/docs/alerting/latest/configuration/#matcher). */
export type MatchOp = '=' | '!=' | '=~' | '!~';

/** One parsed matcher: `name` `op` `value` (the value unquoted and unescaped). */
export interface LabelMatcher {
  name: string;
  op: MatchOp;
  value: string;
}

/** A matcher ready to test label sets: regexes compiled once, fully anchored. */
export interface CompiledMatcher extends LabelMatcher {
  matches(labels: Readonly<Record<string, string>>): boolean;
}

/**
 * Compiles a regex the way Alertmanager does (`^(?:` + value + `)$`): fully
 * anchored, RE2 syntax and linear-time semantics (re2js, a pure-JS port of
 * RE2, so a hostile pattern cannot backtrack for ever). Throws with RE2's
 * message on an invalid pattern.
 */
export function compileAnchored(pattern: string): RE2JS {
  return RE2JS.compile(`^(?:${pattern})$`);
}

/**
 * A matcher against a label set. As in Alertmanager, a missing label reads as
 * the empty string: `team=""` matches alerts without `team`, `team!=""` those
 * that have one, and `node=~".*"` matches every alert.
 */
export function compileMatcher(m: LabelMatcher): CompiledMatcher {
  const re = m.op === '=~' || m.op === '!~' ? compileAnchored(m.value) : null;
  const test = (v: string): boolean => {
    switch (m.op) {
      case '=':
        return v === m.value;
      case '!=':
        return v !== m.value;
      case '=~':
        return re!.test(v);
      case '!~':
        return !re!.test(v);
    }
  };
  return { ...m, matches: (labels) => test(Object.hasOwn(labels, m.name) ? (labels[m.name] ?? '') : '') };
}

/** True when every matcher matches (an empty list matches everything). */
export function matchesAll(matchers: readonly CompiledMatcher[], labels: Readonly<Record<string, string>>): boolean {
  return matchers.every((m) => m.matches(labels));
}

/** The matcher as Alertmanager prints it: `name="value"` with the value quoted and escaped. */
export function formatMatcher(m: LabelMatcher): string {
  return `${m.name}${m.op}${JSON.stringify(m.value)}`;
}
