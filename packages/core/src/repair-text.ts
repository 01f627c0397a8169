/** A change made to what a sender sent, answered with the 2xx so the sender can see it. */
export interface InputWarning {
  /** dotted path into the request body, like the paths of validation errors (`alerts.0.labels.pod`) */
  path: string;
  message: string;
}

/** Longest string stored, in bytes of UTF-8 (64 KiB). */
export const MAX_TEXT_BYTES = 65_536;
/** Warnings listed one by one; the rest are counted in one last warning. */
export const MAX_WARNINGS = 100;

export const NUL_REPLACED = 'NUL characters replaced by U+FFFD';
export const NUL_IN_NAME_REPLACED = 'NUL characters in the name replaced by U+FFFD';

/**
 * What a sender can legitimately send but Postgres cannot store, repaired in
 * place: NUL (U+0000, refused by text and jsonb) becomes U+FFFD, and a string
 * over MAX_TEXT_BYTES is cut there, at a character boundary. Object keys (label
 * names) get the same treatment. Every change is added to `warnings`.
 *
 * Iterative (a deep body can't overflow the stack); `skip` names paths not to
 * enter (free-form JSON that is stored serialized, where NUL is harmless).
 */
export function repairText<T>(root: T, warnings: InputWarning[], opts: { skip?: readonly string[] } = {}): T {
  const changes: InputWarning[] = [];
  const queue: { node: Record<string, unknown> | unknown[]; path: string }[] = [];
  const enter = (value: unknown, path: string) => {
    if (value !== null && typeof value === 'object' && !opts.skip?.includes(path)) queue.push({ node: value as never, path });
  };
  // paths name keys as repaired: no NUL in the answer
  const join = (path: string, key: string | number) => {
    let name = typeof key === 'string' ? key.replaceAll('\u0000', '\uFFFD') : String(key);
    if (name.length > 200) name = `${sliceText(name, 200)}…`;
    return path === '' ? name : `${path}.${name}`;
  };
  if (typeof root === 'string') {
    const fixed = repairString(root, '', changes, NUL_REPLACED);
    addWarnings(warnings, changes);
    return fixed as T;
  }
  enter(root, '');
  for (let q = 0; q < queue.length; q++) {
    const { node, path } = queue[q]!;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v = node[i];
        if (typeof v === 'string') {
          if (needsRepair(v)) node[i] = repairString(v, join(path, i), changes, NUL_REPLACED);
        } else enter(v, join(path, i));
      }
      continue;
    }
    let renamed = false;
    for (const key of Object.keys(node)) {
      const v = node[key];
      if (typeof v === 'string') {
        if (needsRepair(v)) node[key] = repairString(v, join(path, key), changes, NUL_REPLACED);
      } else enter(v, join(path, key));
      if (needsRepair(key)) renamed = true;
    }
    if (renamed) {
      const entries = Object.entries(node);
      for (const [key] of entries) delete node[key];
      for (const [key, v] of entries) {
        const name = needsRepair(key) ? repairString(key, join(path, key), changes, NUL_IN_NAME_REPLACED) : key;
        // defineProperty: a key like `__proto__` stays a plain key
        Object.defineProperty(node, name, { value: v, enumerable: true, writable: true, configurable: true });
      }
    }
  }
  addWarnings(warnings, changes);
  return root;
}

function addWarnings(warnings: InputWarning[], changes: InputWarning[]): void {
  const room = Math.max(0, MAX_WARNINGS - warnings.length);
  warnings.push(...changes.slice(0, room));
  if (changes.length > room) {
    warnings.push({ path: '(root)', message: `and ${changes.length - room} more strings repaired the same ways` });
  }
}

/** A string can need repair only with a NUL or when it may be over MAX_TEXT_BYTES (at most 3 bytes per UTF-16 unit). */
function needsRepair(s: string): boolean {
  return s.length > MAX_TEXT_BYTES / 3 || s.includes('\u0000');
}

function repairString(s: string, path: string, changes: InputWarning[], nulMessage: string): string {
  let out = s;
  if (out.includes('\u0000')) {
    out = out.replaceAll('\u0000', '\uFFFD');
    changes.push({ path, message: nulMessage });
  }
  const bytes = utf8ByteLength(out);
  if (bytes > MAX_TEXT_BYTES) {
    out = truncateUtf8(out, MAX_TEXT_BYTES);
    changes.push({ path, message: `truncated to ${MAX_TEXT_BYTES} bytes (64 KiB) of UTF-8 from ${bytes}` });
  }
  return out;
}

/** Bytes of UTF-8 a string encodes to (a lone surrogate counts as U+FFFD: 3). */
export function utf8ByteLength(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The longest prefix of `s` within `max` bytes of UTF-8, never splitting a surrogate pair. */
export function truncateUtf8(s: string, max: number): string {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const n = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + n > max) return s.slice(0, i);
    bytes += n;
    if (pair) i++;
  }
  return s;
}

/** `s` cut to at most `max` UTF-16 units, without leaving half a surrogate pair at the end. */
export function sliceText(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
