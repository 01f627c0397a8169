import { describe, expect, it } from 'vitest';
import { AlertmanagerError, apiUrl, createAlertmanagerClient, matcherFilter } from './alertmanager-client';

describe('apiUrl', () => {
  it('keeps a path prefix and drops trailing slashes', () => {
    expect(apiUrl('http://am:9093', 'silences')).toBe('http://am:9093/api/v2/silences');
    expect(apiUrl('https://ops.example.com/alertmanager/', 'silence/x')).toBe('https://ops.example.com/alertmanager/api/v2/silence/x');
  });
});

describe('matcherFilter', () => {
  it('quotes values and escapes quotes and backslashes', () => {
    expect(matcherFilter({ name: 'alertname', value: 'Api"Down\\x', isRegex: false, isEqual: true })).toBe('alertname="Api\\"Down\\\\x"');
    expect(matcherFilter({ name: 'env', value: 'prod', isRegex: false, isEqual: false })).toBe('env!="prod"');
  });
});

describe('errors', () => {
  const silence = { matchers: [], startsAt: new Date(0), endsAt: new Date(60_000), createdBy: 'x', comment: 'y' };

  it("never repeat the answer's body (another server's text) nor the URL's credentials or query", async () => {
    const body = 'upstream connect error: redis://10.0.0.5:6379 password=hunter2 <html>internal</html>';
    const client = createAlertmanagerClient({ fetch: (async () => new Response(body, { status: 502 })) as typeof fetch });
    const err = await client.createSilence({ url: 'https://user:pw@am.example.com/am/?token=abc' }, silence).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AlertmanagerError);
    expect((err as Error).message).toBe('Alertmanager at https://am.example.com/am refused to create a silence: HTTP 502');
  });

  it('name a connection failure by its code, not the runtime text', async () => {
    const client = createAlertmanagerClient({
      fetch: (async () => {
        throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
      }) as typeof fetch,
    });
    const err = await client.listAlerts({ url: 'http://am:9093' }, []).catch((e: unknown) => e);
    expect((err as Error).message).toBe('Alertmanager at http://am:9093 could not be reached (GET alerts): ECONNREFUSED');
  });
});
