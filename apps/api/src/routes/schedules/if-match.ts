/**
 * The versions an If-Match header names (RFC 9110 13.1.1): '*' for any, else
 * the numbers in its strong entity tags (`"3"`, `"3", "4"`). Weak tags (`W/"3"`)
 * never match (If-Match compares strongly) and tags that are not versions match
 * nothing, so a header naming only those is a 412, not a bypass. Undefined when
 * the request has no If-Match.
 */
export function parseIfMatch(header: string | undefined): number[] | '*' | undefined {
  if (header === undefined) return undefined;
  if (header.trim() === '*') return '*';
  const versions: number[] = [];
  for (const match of header.matchAll(/(W\/)?"([^"]*)"/g)) {
    if (!match[1] && /^[1-9]\d{0,9}$/.test(match[2] ?? '')) versions.push(Number(match[2]));
  }
  return versions;
}
