/** The credentials of the api (docs/api.md "Authentication"), as OpenAPI security schemes. */
export const SECURITY_SCHEMES = {
  apiKey: {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key (hka_..., POST /api/v1/api-keys) or the bootstrap key HEINRICH_ADMIN_API_KEY: `Authorization: Bearer <key>`. A header that is neither is a 401, even with a valid cookie beside it.',
  },
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'heinrich_session',
    description: 'The session cookie POST /api/v1/auth/sign-in sets (the web UI). Unsafe methods also need an Origin (or Referer) of PUBLIC_URL.',
  },
  integrationKey: {
    type: 'http',
    scheme: 'bearer',
    description: "A service's integration key of type alertmanager: Alertmanager's http_config.authorization (`Authorization: Bearer <key>`).",
  },
  integrationKeyBasic: {
    type: 'http',
    scheme: 'basic',
    description: "The integration key as basic auth's password (Alertmanager's http_config.basic_auth; the username is ignored).",
  },
  heinrichSignature: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Heinrich-Signature',
    description:
      'The signature Heinrich puts on every webhook page: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with the contact method\'s signing secret; the timestamp within 5 minutes. Here: the probe webhook\'s secret (docs/monitoring.md "Synthetic probe").',
  },
  slackSignature: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Slack-Signature',
    description:
      "Slack's v0 signature: HMAC-SHA256 with SLACK_SIGNING_SECRET over `v0:<X-Slack-Request-Timestamp>:<raw body>`; the timestamp within 5 minutes; checked (api middleware) before the form is read. 401 without it; 503 without SLACK_SIGNING_SECRET; then 400 for a form or payload missing what Heinrich reads.",
  },
  twilioSignature: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Twilio-Signature',
    description:
      "Twilio's signature: HMAC-SHA1 with the auth token over PUBLIC_URL + the path and query Twilio called + every form parameter, sorted; checked before any is read. 403 without it; 503 without Twilio credentials; then 400 for a form missing what Heinrich reads.",
  },
  calendarToken: {
    type: 'apiKey',
    in: 'query',
    name: 'token',
    description: "The feed's unguessable, rotatable token, part of the URL a calendar app subscribes to (POST .../calendar-feed shows it once).",
  },
  heartbeatToken: {
    type: 'http',
    scheme: 'bearer',
    description: "A heartbeat's token (hb_..., shown when it was created or rotated) as Bearer.",
  },
  metricsToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'METRICS_TOKEN, when it is set; without it /metrics takes no credential.',
  },
};
