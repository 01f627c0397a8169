import { isIP } from 'node:net';

/**
 * TRUST_PROXY as Express's `trust proxy` setting: unset or `false` trusts no
 * proxy (client addresses are the socket's, `X-Forwarded-*` is ignored); `true`
 * trusts every hop; a number N trusts the N hops nearest the api; otherwise a
 * comma list of addresses, CIDR ranges and proxy-addr's names (`loopback`,
 * `linklocal`, `uniquelocal`).
 */
export type TrustProxy = boolean | number | string;

const NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** What is wrong with a TRUST_PROXY value (empty: nothing). */
export function trustProxyProblems(raw: string): string[] {
  const value = raw.trim();
  if (/^(true|false|\d+)$/.test(value)) return [];
  const problems: string[] = [];
  for (const entry of value.split(',').map((e) => e.trim())) {
    if (NAMES.includes(entry)) continue;
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address ?? '');
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (family === 0 || !bitsOk || rest.length > 0) {
      problems.push(`"${entry}" is not an address, a CIDR range or one of ${NAMES.join(', ')} (or use true, false or a hop count)`);
    }
  }
  return problems;
}

export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim();
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
