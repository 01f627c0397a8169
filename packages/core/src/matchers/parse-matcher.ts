import { compileAnchored, type LabelMatcher, type MatchOp } from './label-matcher';

/** `{ ok: true, matcher }`, or where and why the text is not a matcher. */
export type ParsedMatcher = { ok: true; matcher: LabelMatcher } | { ok: false; error: string };

/** Classic Prometheus label names (Alertmanager's UTF-8 names are not accepted: what routing and silences use). */
const NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const OPS: readonly MatchOp[] = ['=~', '!~', '!=', '='];

/**
 * Parses one matcher in Alertmanager's syntax (the one parser, shared with
 * routing): `name="value"`, `name!="value"`, `name=~"regex"`, `name!~"regex"`.
 *
 * - Whitespace around the name, the operator and the value is allowed.
 * - The value is double-quoted with Go/JSON-style escapes (`\"`, `\\`, `\n`,
 *   `\t`, `\uXXXX`); an unquoted value (`node=d01`) is accepted too, as
 *   Alertmanager's parser does, as long as it has no quote, comma, brace or
 *   space in it.
 * - Regexes use RE2 syntax and are fully anchored (`=~"batch-.*"` does not
 *   match `xbatch-1`); an invalid regex is refused here, with RE2's reason.
 */
export function parseMatcher(input: string): ParsedMatcher {
  const text = input.trim();
  const opAt = text.search(/[=!]/);
  if (opAt <= 0) return { ok: false, error: opAt === 0 ? 'is missing the label name before the operator' : 'has no operator (=, !=, =~ or !~)' };
  const name = text.slice(0, opAt).trim();
  if (!NAME.test(name)) return { ok: false, error: `has an invalid label name ${JSON.stringify(name)} (letters, digits and _, not starting with a digit)` };
  const rest = text.slice(opAt);
  const op = OPS.find((o) => rest.startsWith(o));
  if (!op) return { ok: false, error: `has an invalid operator at ${JSON.stringify(rest.slice(0, 2))} (use =, !=, =~ or !~)` };
  const raw = rest.slice(op.length).trim();
  const value = unquote(raw);
  if (typeof value !== 'string') return { ok: false, error: value.error };
  if (op === '=~' || op === '!~') {
    try {
      compileAnchored(value);
    } catch (err) {
      return { ok: false, error: `has an invalid regular expression ${JSON.stringify(value)}: ${(err as Error).message}` };
    }
  }
  return { ok: true, matcher: { name, op, value } };
}

/**
 * A list of matchers: `{a="1", b=~"2"}` or `a="1", b=~"2"` (commas inside
 * quoted values are part of the value). Each entry is parsed by parseMatcher;
 * errors name the entry (0-based).
 */
export function parseMatchers(input: string): { ok: true; matchers: LabelMatcher[] } | { ok: false; error: string; index: number } {
  let text = input.trim();
  if (text.startsWith('{')) {
    if (!text.endsWith('}')) return { ok: false, index: 0, error: 'opens { but does not close it' };
    text = text.slice(1, -1).trim();
  }
  if (text === '') return { ok: true, matchers: [] };
  const parts = splitOutsideQuotes(text);
  if (!Array.isArray(parts)) return { ok: false, index: 0, error: parts.error };
  const matchers: LabelMatcher[] = [];
  for (const [index, part] of parts.entries()) {
    if (part.trim() === '' && index === parts.length - 1 && index > 0) continue; // a trailing comma
    const parsed = parseMatcher(part);
    if (!parsed.ok) return { ok: false, index, error: parsed.error };
    matchers.push(parsed.matcher);
  }
  return { ok: true, matchers };
}

function unquote(raw: string): string | { error: string } {
  if (!raw.startsWith('"')) {
    if (raw === '') return ''; // name="" is usually written with quotes, but `name=` means the same
    if (/["',{}\s]/.test(raw)) return { error: `has an unquoted value with a quote, comma, brace or space in it: quote it ("...")` };
    return raw;
  }
  let out = '';
  for (let i = 1; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '"') {
      if (i !== raw.length - 1) return { error: `has text after the closing quote: ${JSON.stringify(raw.slice(i + 1))}` };
      return out;
    }
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = raw[++i];
    switch (e) {
      case '"':
      case '\\':
      case '/':
        out += e;
        break;
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'u': {
        const hex = raw.slice(i + 1, i + 5);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) return { error: `has an invalid escape \\u${hex}` };
        out += String.fromCharCode(parseInt(hex, 16));
        i += 4;
        break;
      }
      default:
        // Go's strconv.Unquote refuses unknown escapes; so do we (a regex's \d is written "\\d")
        return { error: `has an invalid escape \\${e ?? ''} in its quoted value (write a backslash as \\\\, e.g. "\\\\d+")` };
    }
  }
  return { error: 'has an unterminated quoted value (missing the closing ")' };
}

function splitOutsideQuotes(text: string): string[] | { error: string } {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '\\') {
      current += c + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      parts.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  if (quoted) return { error: 'has an unterminated quoted value (missing the closing ")' };
  parts.push(current);
  return parts;
}
