import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { checkWebhookAddress, checkWebhookHost } from '@heinrich/core/delivery/webhook-address';
import { Agent, fetch as undiciFetch } from 'undici';
import { PermanentDeliveryError } from './delivery-sender';

/** A webhook refused because of where it points: permanent (the next method is tried). */
export class RefusedAddressError extends PermanentDeliveryError {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedAddressError';
  }
}

/** dns.lookup's shape, as net.connect calls it (`all` set when it tries several addresses). */
export type LookupFn = (hostname: string, options: { all?: boolean; family?: number | string }, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => void;

/**
 * The fetch webhooks are sent with (contact methods: URLs any user may set).
 * Before connecting, the URL's host is judged (webhook-address.ts: IP literals,
 * localhost, metadata names); a name is resolved by the connection's own
 * `lookup`, every address it resolves to is judged, and the connection goes to
 * exactly the addresses judged, so a name that resolves to a public address
 * for the check and to 127.0.0.1 for the connection (DNS rebinding) is not
 * possible. A refusal is a RefusedAddressError naming the host, never the path.
 */
export function guardedWebhookFetch(opts: { allowPrivate: boolean; lookup?: LookupFn }): typeof fetch {
  const resolve: LookupFn = opts.lookup ?? (dnsLookup as unknown as LookupFn);
  const lookup: LookupFn = (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, found) => {
      if (err) return callback(err, []);
      const addresses = (Array.isArray(found) ? found : [{ address: found, family: 0 }]) as LookupAddress[];
      if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} resolves to no address`), { code: 'ENOTFOUND' }), []);
      for (const a of addresses) {
        const verdict = checkWebhookAddress(a.address, opts.allowPrivate);
        if (!verdict.ok) return callback(new RefusedAddressError(`refused: ${hostname} resolves to ${a.address}, ${verdict.reason.replace(/^it points at /, '')}`), []);
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
  const agent = new Agent({ connect: { lookup } as Record<string, unknown> });
  const guarded = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const target = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      throw new RefusedAddressError('not an absolute URL');
    }
    const host = checkWebhookHost(url.hostname, opts.allowPrivate);
    if (!host.ok) throw new RefusedAddressError(`refused: ${host.reason}`);
    try {
      return (await undiciFetch(url, { ...(init as Record<string, unknown>), dispatcher: agent })) as unknown as Response;
    } catch (err) {
      const cause = (err as { cause?: unknown }).cause;
      if (cause instanceof RefusedAddressError) throw cause;
      throw err;
    }
  };
  return guarded as typeof fetch;
}
