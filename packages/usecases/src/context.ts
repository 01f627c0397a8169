import type { Logger } from '@heinrich/config/logger';
import type { Database } from '@heinrich/db/create-database';
import type { OutboxPublisher } from './outbox-publisher';

/**
 * What every use case needs, built once in an app's main.ts. Time comes from
 * `now` so tests can move it; nothing here reads the environment (config does, at boot).
 */
export interface Context {
  db: Database;
  publisher: OutboxPublisher;
  logger: Logger;
  now(): Date;
}
