import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Messages are constant strings; details go in fields.
 * Anything that can carry a secret is redacted wherever it appears.
 */
export function createLogger(opts: { name: string; level: string }): Logger {
  return pino({
    name: opts.name,
    level: opts.level,
    base: { service: opts.name },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-twilio-signature"]',
        'req.headers["x-slack-signature"]',
        '*.password',
        '*.token',
        '*.secret',
        '*.apiKey',
        '*.adminApiKey',
        '*.authToken',
        '*.databaseUrl',
        '*.redisUrl',
        // a contact method's value where it is sent (a webhook URL's path is often its secret, a number is personal)
        '*.target',
        '*.signingSecret',
        '*.alertmanagerAuth',
        '*.botToken',
        // HEARTBEAT_URL: its path or query is the receiver's token (never logged; redacted should a config be)
        '*.heartbeatUrl',
        'heartbeatUrl',
        'password',
        'token',
        'secret',
        'apiKey',
        'databaseUrl',
        'redisUrl',
        'target',
        'signingSecret',
      ],
      censor: '[redacted]',
    },
  });
}
