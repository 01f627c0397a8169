import ipaddr from 'ipaddr.js';

/**
 * Where a webhook contact method (a URL any user may set) may send:
 * - `metadata`: link-local and cloud metadata addresses, refused always
 *   (169.254.0.0/16, fe80::/10, fd00:ec2::254, 100.100.100.200, 168.63.129.16,
 *   metadata.google.internal, ...), and addresses no TCP connection goes to
 *   (multicast, broadcast);
 * - `internal`: loopback, private, CGNAT, unique-local, unspecified and reserved
 *   ranges (127/8, 10/8, 172.16/12, 192.168/16, 100.64/10, 0/8, ::1, ::, fc00::/7,
 *   fec0::/10, ...), refused unless the installation allows private webhooks
 *   (WEBHOOK_ALLOW_PRIVATE, or a loopback PUBLIC_URL: the demo, the tests);
 * - `public`: anything else.
 * IPv6 forms that carry an IPv4 address (::ffff:a.b.c.d, ::a.b.c.d, the NAT64
 * prefix 64:ff9b::/96) are judged by that IPv4 address. Ranges come from
 * ipaddr.js. Pure.
 */
export type AddressClass = { kind: 'public' } | { kind: 'metadata' | 'internal'; reason: string };

/** Metadata services reachable at ordinary-looking addresses (Alibaba, Azure's wire server, AWS's IPv6 IMDS). */
const METADATA_ADDRESSES = new Set(['100.100.100.200', '168.63.129.16', 'fd00:ec2::254']);

/** Host names of cloud metadata services (lower case, no trailing dot). */
const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'instance-data.ec2.internal', 'metadata.azure.internal']);

const IPV4_ALWAYS: Record<string, string> = {
  linkLocal: 'a link-local address (169.254.0.0/16, where cloud metadata services answer)',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
};

const IPV4_INTERNAL: Record<string, string> = {
  loopback: 'a loopback address (127.0.0.0/8)',
  private: 'a private address (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)',
  carrierGradeNat: 'a carrier-grade NAT address (100.64.0.0/10)',
  unspecified: 'an unspecified address (0.0.0.0/8)',
  reserved: 'a reserved address',
  as112: 'a reserved address',
  amt: 'a reserved address',
};

const IPV6_ALWAYS: Record<string, string> = {
  linkLocal: 'a link-local address (fe80::/10)',
  multicast: 'a multicast address',
};

/** Classifies an IP address (IPv4 or IPv6 text, brackets allowed); not an IP address: undefined. */
export function classifyAddress(text: string): AddressClass | undefined {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  // a zone id (fe80::1%eth0) says nothing about the range
  const noZone = bare.replace(/%.*$/, '');
  if (!ipaddr.isValid(noZone)) return undefined;
  let addr = ipaddr.parse(noZone);
  if (addr.kind() === 'ipv6') {
    const embedded = embeddedIpv4(addr as ipaddr.IPv6);
    if (embedded) addr = embedded;
  }
  if (METADATA_ADDRESSES.has(addr.toString())) {
    return { kind: 'metadata', reason: `a cloud metadata address (${addr.toString()})` };
  }
  if (addr.kind() === 'ipv4') {
    const range: string = (addr as ipaddr.IPv4).range();
    if (IPV4_ALWAYS[range]) return { kind: 'metadata', reason: IPV4_ALWAYS[range] };
    if (IPV4_INTERNAL[range]) return { kind: 'internal', reason: IPV4_INTERNAL[range] };
    return { kind: 'public' };
  }
  // the typings list fewer ranges than the library knows (deprecatedSiteLocal, discard)
  const range: string = (addr as ipaddr.IPv6).range();
  if (IPV6_ALWAYS[range]) return { kind: 'metadata', reason: IPV6_ALWAYS[range] };
  if (range === 'loopback') return { kind: 'internal', reason: 'a loopback address (::1)' };
  if (range === 'uniqueLocal') return { kind: 'internal', reason: 'a unique-local address (fc00::/7)' };
  if (range === 'unspecified') return { kind: 'internal', reason: 'the unspecified address (::)' };
  if (range === 'deprecatedSiteLocal') return { kind: 'internal', reason: 'a site-local address (fec0::/10)' };
  if (range === 'reserved' || range === 'discard' || range === 'benchmarking') return { kind: 'internal', reason: 'a reserved address' };
  return { kind: 'public' };
}

/** The IPv4 address an IPv6 address stands for: IPv4-mapped, IPv4-compatible (::a.b.c.d), SIIT (::ffff:0:a.b.c.d) or NAT64 (64:ff9b::/96). */
function embeddedIpv4(addr: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  if (addr.isIPv4MappedAddress()) return addr.toIPv4Address();
  const p = addr.parts;
  const lastTwo = () => new ipaddr.IPv4([p[6]! >> 8, p[6]! & 0xff, p[7]! >> 8, p[7]! & 0xff]);
  const zeros = (from: number, to: number) => p.slice(from, to).every((x) => x === 0);
  // ::a.b.c.d (deprecated IPv4-compatible); :: and ::1 keep their own meaning
  if (zeros(0, 6) && (p[6] !== 0 || p[7]! > 1)) return lastTwo();
  if (zeros(0, 4) && p[4] === 0xffff && p[5] === 0) return lastTwo();
  if (p[0] === 0x64 && p[1] === 0xff9b && zeros(2, 6)) return lastTwo();
  return undefined;
}

export type WebhookHostCheck = { ok: true } | { ok: false; reason: string };

/**
 * Whether a webhook may go to this host (a URL's `hostname`, which WHATWG URL
 * parsing has already normalized: `127.1` and `2130706433` are `127.0.0.1`).
 * IP literals are classified; `localhost` and `*.localhost` are loopback;
 * metadata host names are refused; any other name is left to the send-time
 * check of the addresses it resolves to.
 */
export function checkWebhookHost(hostname: string, allowPrivate: boolean): WebhookHostCheck {
  const host = hostname.toLowerCase().replace(/\.+$/, '');
  if (METADATA_HOSTS.has(host)) return { ok: false, reason: `it points at a cloud metadata service (${host}), which webhooks may never reach` };
  const cls = host === 'localhost' || host.endsWith('.localhost') ? ({ kind: 'internal', reason: 'a loopback address (localhost)' } as const) : classifyAddress(host);
  return verdict(cls, allowPrivate);
}

/** Whether a resolved address may be connected to (the send-time check: every address a name resolves to). */
export function checkWebhookAddress(address: string, allowPrivate: boolean): WebhookHostCheck {
  return verdict(classifyAddress(address) ?? { kind: 'metadata', reason: `an unreadable address (${address})` }, allowPrivate);
}

function verdict(cls: AddressClass | undefined, allowPrivate: boolean): WebhookHostCheck {
  if (!cls || cls.kind === 'public') return { ok: true };
  if (cls.kind === 'metadata') return { ok: false, reason: `it points at ${cls.reason}, which webhooks may never reach` };
  if (allowPrivate) return { ok: true };
  return { ok: false, reason: `it points at ${cls.reason}; webhooks to internal addresses need WEBHOOK_ALLOW_PRIVATE=true` };
}

/**
 * Whether an installation allows webhooks to internal addresses: WEBHOOK_ALLOW_PRIVATE,
 * or a PUBLIC_URL that is itself on loopback (the demo, the tests: nothing outside
 * this machine can reach that installation anyway).
 */
export function allowsPrivateWebhooks(publicUrl: string, allowPrivate: boolean): boolean {
  if (allowPrivate) return true;
  let host: string;
  try {
    host = new URL(publicUrl).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const cls = classifyAddress(host);
  return cls?.kind === 'internal' && /loopback/.test(cls.reason);
}
