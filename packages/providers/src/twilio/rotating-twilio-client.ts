import type { Credentials } from '@heinrich/config/credentials';
import { createTwilioClient, type TwilioClient, type TwilioCredentials } from './twilio-client';

/**
 * A Twilio client that follows credential rotation (TWILIO_ACCOUNT_SID_FILE /
 * TWILIO_AUTH_TOKEN_FILE, docs/kubernetes.md): every property read goes to a
 * client for the credentials as they are now, built again only when they
 * changed. Without `credentials` it is a plain client for `creds`.
 */
export function rotatingTwilioClient(creds: TwilioCredentials, credentials: Credentials | undefined, now?: () => Date): TwilioClient {
  if (!credentials) return createTwilioClient(creds, now);
  let built: { key: string; client: TwilioClient } | undefined;
  const current = (): TwilioClient => {
    const accountSid = credentials.current('TWILIO_ACCOUNT_SID') ?? creds.accountSid;
    const authToken = credentials.current('TWILIO_AUTH_TOKEN') ?? creds.authToken;
    const key = `${accountSid}\u0000${authToken}`;
    if (built?.key !== key) built = { key, client: createTwilioClient({ ...creds, accountSid, authToken }, now) };
    return built.client;
  };
  // not bound: the SDK's resources (`calls`, `messages`) are callable objects with
  // methods of their own (`calls(sid).update`, `calls.create`), which bind() would drop
  return new Proxy({} as TwilioClient, {
    get: (_target, prop) => {
      const client = current();
      return Reflect.get(client, prop, client) as unknown;
    },
  });
}
