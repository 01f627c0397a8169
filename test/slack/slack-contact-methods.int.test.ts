// A Slack contact method given as an email: looked up in Slack
// (users.lookupByEmail, through the real client against the fake Slack Web
// API) and stored as the member id; an email Slack does not know, or no bot
// token to ask with, is a 400 naming `value`.
import { startFakeSlackServer, type FakeSlackServer } from '@heinrich/providers/slack/fake-slack-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';

let slack: FakeSlackServer;
let api: TestApi;

beforeAll(async () => {
  slack = await startFakeSlackServer({ users: [{ id: 'U0ALICE', email: 'alice@example.test' }] });
  api = await startTestApi({ env: { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: slack.apiUrl } });
}, 60_000);

afterAll(async () => {
  await api?.close();
  await slack?.close();
});

describe('Slack contact methods', () => {
  it('an email is looked up in Slack and stored as the member id', async () => {
    const user = await api.admin('POST', '/api/v1/users', { name: 'Alice', email: 'alice@example.test' });
    const res = await api.admin('POST', `/api/v1/users/${user.body.id}/contact-methods`, { type: 'slack', value: 'Alice@Example.test' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ type: 'slack', value: 'U0ALICE' });
    expect(slack.callsOf('users.lookupByEmail').map((c) => c.args.email)).toEqual(['Alice@Example.test']);

    const unknown = await api.admin('POST', `/api/v1/users/${user.body.id}/contact-methods`, { type: 'slack', value: 'nobody@example.test' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ path: 'value', message: 'names no Slack user: nobody in the Slack workspace has the email nobody@example.test' }]);
    // a member id needs no lookup
    expect((await api.admin('POST', `/api/v1/users/${user.body.id}/contact-methods`, { type: 'slack', value: 'U0OTHER' })).body.value).toBe('U0OTHER');
    expect(slack.callsOf('users.lookupByEmail')).toHaveLength(2);
  });

  it('without a bot token an email is refused, naming SLACK_BOT_TOKEN', async () => {
    const plain = await startTestApi();
    try {
      const user = await plain.admin('POST', '/api/v1/users', { name: 'Bob', email: 'bob@example.test' });
      const res = await plain.admin('POST', `/api/v1/users/${user.body.id}/contact-methods`, { type: 'slack', value: 'bob@example.test' });
      expect(res.status).toBe(400);
      expect(res.body.error.fields[0].message).toContain('SLACK_BOT_TOKEN');
    } finally {
      await plain.close();
    }
  });
});
