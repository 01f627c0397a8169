// People's sign-in through real HTTP: invites, passwords, the session cookie,
// sign-out, throttling per account and per address, CSRF, and API keys' 401
// once revoked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookieOf, startTestApi, type SignedInUser, type TestApi } from '../support/api-server';

let api: TestApi;
// the use cases' clock: real time unless a test moves it (offsetMs) or stops it (frozen)
let offsetMs = 0;
let frozen: Date | undefined;
beforeAll(async () => {
  // TRUST_PROXY=loopback, explicitly: the test client plays an ingress on loopback and
  // names each client's address in X-Forwarded-For (the default trusts no proxy)
  api = await startTestApi({ env: { TRUST_PROXY: 'loopback' }, now: () => frozen ?? new Date(Date.now() + offsetMs) });
});
afterAll(async () => {
  await api?.close();
});

const signInBody = (email: string, password: string) => ({ email, password });
/** a client address of its own per test (this api trusts X-Forwarded-For from loopback), so per-address limits don't mix */
let addresses = 0;
const fromAddress = () => ({ 'x-forwarded-for': `203.0.113.${++addresses}` });

describe('invites and signing in', () => {
  it('an invited user sets a password with the one-time link, is signed in, and the link then is used up', async () => {
    const user = (await api.admin('POST', '/api/v1/users', { name: 'Ada', email: ' Ada@Example.TEST ', timeZone: 'europe/berlin' })).body;
    expect(user).toMatchObject({ email: 'ada@example.test', timeZone: 'Europe/Berlin', role: 'user', hasPassword: false });

    const invite = await api.admin('POST', `/api/v1/users/${user.id}/invite`);
    expect(invite.status).toBe(201);
    expect(invite.headers.get('cache-control')).toBe('no-store');
    expect(invite.body).toEqual({
      userId: user.id,
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      url: `${api.origin}/accept-invite#token=${invite.body.token}`,
      expiresAt: expect.any(String),
    });
    // stored: the token's hash only, valid for 7 days
    const stored = await api.db.prisma.userInvite.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.tokenHash).not.toContain(invite.body.token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(7 * 86_400_000);
    expect(stored.expiresAt.toISOString()).toBe(invite.body.expiresAt);

    const short = await api.request('POST', '/api/v1/auth/accept-invite', { token: invite.body.token, password: 'too short' });
    expect(short.status).toBe(400);
    expect(short.body.error.fields).toEqual([{ path: 'password', message: 'must be at least 12 characters' }]);

    const accepted = await api.request('POST', '/api/v1/auth/accept-invite', { token: invite.body.token, password: 'a long enough passphrase' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ credential: 'session', display: 'Ada', role: 'user', user: { id: user.id, email: 'ada@example.test' } });
    const me = await api.withCookie(sessionCookieOf(accepted.headers))('GET', '/api/v1/auth/me');
    expect(me.body.user.id).toBe(user.id);

    const again = await api.request('POST', '/api/v1/auth/accept-invite', { token: invite.body.token, password: 'another long passphrase' });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toBe('This invite link is invalid, expired or already used; ask an admin for a new one');
    expect((await api.admin('GET', `/api/v1/users/${user.id}`)).body.hasPassword).toBe(true);

    // the email signs in regardless of case
    const signedIn = await api.request('POST', '/api/v1/auth/sign-in', signInBody('ADA@example.test', 'a long enough passphrase'), fromAddress());
    expect(signedIn.status).toBe(200);
  });

  it('an invite expires after 7 days, and a new one replaces the unused ones', async () => {
    const user = (await api.admin('POST', '/api/v1/users', { name: 'Late', email: 'late@example.test' })).body;
    const first = (await api.admin('POST', `/api/v1/users/${user.id}/invite`)).body.token;
    const second = (await api.admin('POST', `/api/v1/users/${user.id}/invite`)).body.token;
    expect((await api.request('POST', '/api/v1/auth/accept-invite', { token: first, password: 'a long enough passphrase' })).status).toBe(400);
    offsetMs = 7 * 86_400_000 + 1_000;
    try {
      expect((await api.request('POST', '/api/v1/auth/accept-invite', { token: second, password: 'a long enough passphrase' })).status).toBe(400);
    } finally {
      offsetMs = 0;
    }
    expect((await api.request('POST', '/api/v1/auth/accept-invite', { token: second, password: 'a long enough passphrase' })).status).toBe(200);
  });

  // ha: the accept-invite page says whose account it is
  it('names the holder of a usable invite token only: 404 alike for unknown, replaced, expired and used tokens', async () => {
    const user = (await api.admin('POST', '/api/v1/users', { name: 'Alice Example', email: 'alice-holder@example.test' })).body;
    const first = (await api.admin('POST', `/api/v1/users/${user.id}/invite`)).body.token;
    const invite = (await api.admin('POST', `/api/v1/users/${user.id}/invite`)).body;
    const holder = await api.request('POST', '/api/v1/auth/invite-holder', { token: invite.token });
    expect(holder.status).toBe(200);
    expect(holder.headers.get('cache-control')).toBe('no-store');
    expect(holder.body).toEqual({ name: 'Alice Example', email: 'alice-holder@example.test', expiresAt: invite.expiresAt });
    // asking does not use it up
    expect((await api.request('POST', '/api/v1/auth/invite-holder', { token: invite.token })).status).toBe(200);
    const refusals = [];
    refusals.push(await api.request('POST', '/api/v1/auth/invite-holder', { token: 'not-a-real-token' }));
    refusals.push(await api.request('POST', '/api/v1/auth/invite-holder', { token: first }));
    offsetMs = 7 * 86_400_000 + 1_000;
    try {
      refusals.push(await api.request('POST', '/api/v1/auth/invite-holder', { token: invite.token }));
    } finally {
      offsetMs = 0;
    }
    expect((await api.request('POST', '/api/v1/auth/accept-invite', { token: invite.token, password: 'a long enough passphrase' })).status).toBe(200);
    refusals.push(await api.request('POST', '/api/v1/auth/invite-holder', { token: invite.token }));
    for (const r of refusals) {
      expect(r.status).toBe(404);
      expect(r.body.error.message).toBe('This invite link is invalid, expired or already used; ask an admin for a new one');
      expect(JSON.stringify(r.body)).not.toContain('Alice');
    }
    const missing = await api.request('POST', '/api/v1/auth/invite-holder', {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual([{ path: 'token', message: 'is required' }]);
  });

  it('refuses a wrong password and an unknown email with the same 401 and message', async () => {
    const user = await api.createUser({ name: 'Wrong' });
    const wrong = await api.request('POST', '/api/v1/auth/sign-in', signInBody(user.email, 'not the password at all'), fromAddress());
    const unknown = await api.request('POST', '/api/v1/auth/sign-in', signInBody('nobody@example.test', 'not the password at all'), fromAddress());
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: { code: 'unauthenticated', message: 'Wrong email or password', fields: [] } });
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/, for the session\'s lifetime; Secure when PUBLIC_URL is https', async () => {
    const user = await api.createUser({ name: 'Cookie' });
    const res = await api.request('POST', '/api/v1/auth/sign-in', signInBody(user.email, user.password), fromAddress());
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('heinrich_session='))!;
    expect(cookie).toMatch(/^heinrich_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain(`Max-Age=${7 * 86_400}`);
    expect(cookie).not.toContain('Secure'); // PUBLIC_URL is http here
    // only the token's hash is stored
    const token = cookie.split(';')[0]!.split('=')[1]!;
    expect(await api.db.prisma.session.count({ where: { tokenHash: token } })).toBe(0);

    const https = await startTestApi({ env: { PUBLIC_URL: 'https://heinrich.example.com' } });
    try {
      const u = await https.createUser({ name: 'Secure' });
      const r = await https.request('POST', '/api/v1/auth/sign-in', signInBody(u.email, u.password));
      expect(r.headers.getSetCookie().find((c) => c.startsWith('heinrich_session='))).toContain('Secure');
    } finally {
      await https.close();
    }
  });

  it('sign-out revokes the session: the same cookie gets 401 from then on', async () => {
    const user = await api.createUser({ name: 'Leaving' });
    expect((await user.call('GET', '/api/v1/services')).status).toBe(200);
    const out = await user.call('POST', '/api/v1/auth/sign-out');
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^heinrich_session=;.*Expires=Thu, 01 Jan 1970/);
    const after = await user.call('GET', '/api/v1/services');
    expect(after.status).toBe(401);
    expect(after.body.error.message).toBe('Your session has expired or was signed out: sign in again');
    expect((await user.call('POST', '/api/v1/auth/sign-out')).status).toBe(401);
  });

  it('a session ends after 12 hours unused, and after 7 days however much it is used', async () => {
    const user = await api.createUser({ name: 'Idle' });
    try {
      offsetMs = 11 * 3_600_000;
      expect((await user.call('GET', '/api/v1/auth/me')).status).toBe(200); // slides the idle expiry
      offsetMs = 22 * 3_600_000;
      expect((await user.call('GET', '/api/v1/auth/me')).status).toBe(200);
      offsetMs = 34.5 * 3_600_000;
      expect((await user.call('GET', '/api/v1/auth/me')).status).toBe(401);

      const busy = await api.signIn(user.email, user.password);
      for (let hours = 10; hours < 7 * 24; hours += 10) {
        offsetMs = 34.5 * 3_600_000 + hours * 3_600_000;
        expect((await busy.call('GET', '/api/v1/auth/me')).status, `after ${hours} h`).toBe(200);
      }
      offsetMs = 34.5 * 3_600_000 + 7 * 24 * 3_600_000 + 1_000;
      expect((await busy.call('GET', '/api/v1/auth/me')).status).toBe(401);
    } finally {
      offsetMs = 0;
    }
  });

  it('GET /auth/me says who the credential is', async () => {
    const team = (await api.admin('POST', '/api/v1/teams', { name: 'Me team' })).body;
    const user = await api.createUser({ name: 'Mia', teams: { [team.id]: 'lead' } });
    expect((await user.call('GET', '/api/v1/auth/me')).body).toEqual({
      credential: 'session',
      display: 'Mia',
      role: 'user',
      user: { id: user.id, name: 'Mia', email: user.email, timeZone: 'UTC' },
      apiKey: null,
      teams: [{ id: team.id, name: 'Me team', role: 'lead' }],
    });
    expect((await api.admin('GET', '/api/v1/auth/me')).body).toEqual({
      credential: 'bootstrap',
      display: 'the admin API key',
      role: 'admin',
      user: null,
      apiKey: null,
      teams: [],
    });
    const key = await api.createApiKey({ role: 'responder', teamId: team.id, name: 'pager-bot' });
    expect((await api.withKey(key.secret)('GET', '/api/v1/auth/me')).body).toEqual({
      credential: 'api-key',
      display: "API key 'pager-bot'",
      role: 'user',
      user: null,
      apiKey: { id: key.id, name: 'pager-bot', role: 'responder', teamId: team.id },
      teams: [{ id: team.id, name: 'Me team', role: 'responder' }],
    });
  });
});

describe('changing a password', () => {
  let user: SignedInUser;
  beforeAll(async () => {
    user = await api.createUser({ name: 'Changer' });
  });

  it('needs the current password, then signs out the other sessions and keeps this one', async () => {
    const other = await api.signIn(user.email, user.password);
    const wrong = await user.call('POST', '/api/v1/auth/change-password', { currentPassword: 'not it at all', newPassword: 'a brand new passphrase' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toEqual([{ path: 'currentPassword', message: 'is not your current password' }]);

    const ok = await user.call('POST', '/api/v1/auth/change-password', { currentPassword: user.password, newPassword: 'a brand new passphrase' });
    expect(ok.status).toBe(204);
    expect((await user.call('GET', '/api/v1/auth/me')).status).toBe(200);
    expect((await other.call('GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await api.request('POST', '/api/v1/auth/sign-in', signInBody(user.email, user.password), fromAddress())).status).toBe(401);
    expect((await api.request('POST', '/api/v1/auth/sign-in', signInBody(user.email, 'a brand new passphrase'), fromAddress())).status).toBe(200);
  });

  it('is refused for API keys: they have no password', async () => {
    const res = await api.admin('POST', '/api/v1/auth/change-password', { currentPassword: 'x', newPassword: 'a brand new passphrase' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('Only a signed-in user can change their own password; an admin can send a new invite instead');
  });
});

describe('throttling', () => {
  const signInFrom = (address: Record<string, string>, email: string, password: string) =>
    api.request('POST', '/api/v1/auth/sign-in', signInBody(email, password), address);

  it('a guesser at one address is refused after 5 failures, with 429 and Retry-After; the owner signs in from another address', async () => {
    const user = await api.createUser({ name: 'Target' });
    // a stopped clock, after the sign-in createUser did
    const t0 = Date.now() + 3_600_000;
    frozen = new Date(t0);
    try {
      const attacker = fromAddress();
      const statuses: number[] = [];
      for (let i = 1; i <= 10; i++) statuses.push((await signInFrom(attacker, user.email, `wrong password ${i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
      // refused before the password is looked at, even the right one
      const locked = await signInFrom(attacker, user.email, user.password);
      expect(locked.status).toBe(429);
      // the oldest of the five failures leaves the 15-minute window in 900 s
      expect(locked.headers.get('retry-after')).toBe('900');
      expect(locked.body).toEqual({
        error: { code: 'rate_limited', message: 'Too many failed sign-in attempts; try again in 900 seconds', fields: [] },
      });

      // the owner, from their own address, is not kept out
      const owner = fromAddress();
      expect((await signInFrom(owner, user.email, user.password)).status).toBe(200);
      // ...and their sign-in does not unlock the guesser's address
      expect((await signInFrom(attacker, user.email, user.password)).status).toBe(429);
      expect((await signInFrom(attacker, user.email, 'wrong password 11')).status).toBe(429);

      // an unknown account throttles the same way (it must not tell which accounts exist)
      const ghost = fromAddress();
      for (let i = 1; i <= 5; i++) expect((await signInFrom(ghost, 'ghost@example.test', 'whatever it is')).status).toBe(401);
      expect((await signInFrom(ghost, 'ghost@example.test', 'whatever it is')).status).toBe(429);

      frozen = new Date(t0 + 15 * 60_000 - 1);
      expect((await signInFrom(attacker, user.email, user.password)).status).toBe(429);
      // when the window has passed, the right password works from there again
      frozen = new Date(t0 + 15 * 60_000);
      expect((await signInFrom(attacker, user.email, user.password)).status).toBe(200);
    } finally {
      frozen = undefined;
    }
  });

  it('refuses the 51st failure on one account from many addresses, even with the right password', async () => {
    const user = await api.createUser({ name: 'Popular' });
    const t0 = Date.now() + 2 * 3_600_000;
    frozen = new Date(t0);
    try {
      for (let i = 1; i <= 50; i++) {
        // one failure per address: under the per-address and per-account-and-address limits
        frozen = new Date(t0 + i * 1_000);
        expect((await signInFrom(fromAddress(), user.email, `distributed guess ${i}`)).status, `attempt ${i}`).toBe(401);
      }
      const res = await signInFrom(fromAddress(), user.email, user.password);
      expect(res.status).toBe(429);
      // the oldest of the 50 failures (at t0 + 1 s) leaves the window 15 minutes after it
      expect(res.headers.get('retry-after')).toBe(String(15 * 60 + 1 - 50));
      frozen = new Date(t0 + 1_000 + 15 * 60_000);
      expect((await signInFrom(fromAddress(), user.email, user.password)).status).toBe(200);
    } finally {
      frozen = undefined;
    }
  });

  it('a successful sign-in clears the account\'s failures', async () => {
    const user = await api.createUser({ name: 'Forgetful' });
    const address = fromAddress();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) expect((await signInFrom(address, user.email, 'wrong password')).status).toBe(401);
      expect((await signInFrom(address, user.email, user.password)).status).toBe(200);
    }
  });

  it('refuses the 21st failure from one address across accounts', async () => {
    const address = fromAddress();
    for (let i = 1; i <= 20; i++) {
      const res = await signInFrom(address, `spray${i}@example.test`, 'Winter2026!');
      expect(res.status, `attempt ${i}`).toBe(401);
    }
    const res = await signInFrom(address, 'spray21@example.test', 'Winter2026!');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    // other addresses are not affected
    expect((await signInFrom(fromAddress(), 'spray22@example.test', 'Winter2026!')).status).toBe(401);
  });

  it('by default trusts no proxy: X-Forwarded-For is ignored and the socket\'s address is throttled', async () => {
    const plain = await startTestApi();
    try {
      for (let i = 1; i <= 20; i++) {
        // a new forged address on every try
        const res = await plain.request('POST', '/api/v1/auth/sign-in', signInBody(`forged${i}@example.test`, 'Winter2026!'), { 'x-forwarded-for': `198.51.100.${i}` });
        expect(res.status, `attempt ${i}`).toBe(401);
      }
      const res = await plain.request('POST', '/api/v1/auth/sign-in', signInBody('forged21@example.test', 'Winter2026!'), { 'x-forwarded-for': '198.51.100.21' });
      expect(res.status).toBe(429);
      const addresses = await plain.db.prisma.loginAttempt.findMany({ distinct: ['address'], select: { address: true } });
      expect(addresses.map((a) => a.address)).toEqual([expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$/)]);
    } finally {
      await plain.close();
    }
  });
});

describe('CSRF', () => {
  let user: SignedInUser;
  beforeAll(async () => {
    user = await api.createUser({ name: 'Browser', role: 'admin' });
  });

  it('refuses a cookie-authenticated POST without an Origin or Referer, or from another origin: 403 naming the problem', async () => {
    const none = await api.request('POST', '/api/v1/services', { name: 'csrf' }, { cookie: user.cookie });
    expect(none.status).toBe(403);
    expect(none.body.error).toEqual({
      code: 'forbidden',
      message: `Cross-site request refused: a POST with the session cookie needs an Origin or Referer header of ${api.origin}`,
      fields: [],
    });
    const evil = await api.request('POST', '/api/v1/services', { name: 'csrf' }, { cookie: user.cookie, origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.body.error.message).toContain('its Origin is https://evil.example');
    const evilReferer = await api.request('DELETE', '/api/v1/users/00000000-0000-4000-8000-000000000000', undefined, {
      cookie: user.cookie,
      referer: 'https://evil.example/page',
    });
    expect(evilReferer.status).toBe(403);
    expect(await api.db.prisma.service.count({ where: { name: 'csrf' } })).toBe(0);
  });

  it('lets the same request through with our Origin (or Referer), and GETs without either', async () => {
    expect((await api.request('POST', '/api/v1/services', { name: 'csrf-ok' }, { cookie: user.cookie, origin: api.origin })).status).toBe(201);
    expect((await api.request('POST', '/api/v1/services', { name: 'csrf-ok-2' }, { cookie: user.cookie, referer: `${api.origin}/services` })).status).toBe(201);
    expect((await api.request('GET', '/api/v1/services', undefined, { cookie: user.cookie })).status).toBe(200);
  });

  it('does not ask bearer-authenticated calls for an Origin', async () => {
    expect((await api.request('POST', '/api/v1/services', { name: 'bearer' }, { authorization: `Bearer ${(await api.createApiKey({ role: 'admin' })).secret}` })).status).toBe(201);
  });

  it('refuses a sign-in posted from another site (login CSRF), and takes one without an Origin (tools)', async () => {
    const other = await api.createUser({ name: 'Cross' });
    const evil = await api.request('POST', '/api/v1/auth/sign-in', signInBody(other.email, other.password), { origin: 'https://evil.example', ...fromAddress() });
    expect(evil.status).toBe(403);
    expect(evil.body.error.message).toBe(`Cross-site request refused: a POST from a browser must come from ${api.origin} (its Origin is https://evil.example)`);
    expect(evil.headers.getSetCookie()).toEqual([]);
    expect((await api.request('POST', '/api/v1/auth/sign-in', signInBody(other.email, other.password), fromAddress())).status).toBe(200);
  });
});

describe('API keys', () => {
  it('a revoked API key gets 401 from the next request on', async () => {
    const key = await api.createApiKey({ role: 'admin', name: 'deploy-bot' });
    const call = api.withKey(key.secret);
    expect((await call('GET', '/api/v1/services')).status).toBe(200);
    expect((await api.admin('DELETE', `/api/v1/api-keys/${key.id}`)).status).toBe(204);
    const res = await call('GET', '/api/v1/services');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="heinrich"');
    expect(res.body.error.message).toBe('Missing or invalid API key: send Authorization: Bearer <api key>');
  });

  it('a bad Authorization header is a 401 even beside a valid session cookie', async () => {
    const user = await api.createUser({ name: 'Both' });
    const res = await user.call('GET', '/api/v1/services', undefined, { authorization: 'Bearer hka_not-a-key' });
    expect(res.status).toBe(401);
  });
});
