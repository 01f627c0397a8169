// Composition root of the worker: parse config once, build the database, start
// the runtime (BullMQ workers, pass runners, health server), and shut down
// gracefully on SIGTERM/SIGINT: in-flight jobs finish, bounded by SHUTDOWN_TIMEOUT_MS.
import { configOrExit, loadWorkerConfig } from '@heinrich/config/load-config';
import { describeListenFailure, isListenError } from '@heinrich/config/listen-failure';
import { createLogger } from '@heinrich/config/logger';
import { createDatabase, pingDatabase } from '@heinrich/db/create-database';
import { buildSenders } from '@heinrich/providers/build-senders';
import { createSlackClient } from '@heinrich/providers/slack/create-slack-client';
import { startWorker, type WorkerRuntime } from './start-worker';

const config = configOrExit('heinrich worker', () => loadWorkerConfig(process.env));

const logger = createLogger({ name: 'heinrich-worker', level: config.logLevel });
const db = createDatabase({ url: config.databaseUrl, poolSize: config.databasePoolSize, applicationName: 'heinrich-worker' });
// the worker can't know the api's port: without PUBLIC_URL, links in pages may point at the wrong one
if (!process.env.PUBLIC_URL?.trim()) {
  logger.warn({ publicUrl: config.publicUrl }, 'PUBLIC_URL is not set: links in pages and Twilio callbacks use the default; set it to the api\'s URL, as on the api');
}

let runtime: WorkerRuntime;
try {
  // delivery runs inside the worker runtime: its queues in /readyz, its metrics in /metrics
  // a bot token read from SLACK_BOT_TOKEN_FILE is followed as it rotates
  const slack = config.slack.botToken ? createSlackClient({ botToken: () => config.credentials.current('SLACK_BOT_TOKEN'), apiUrl: config.slack.apiUrl }) : undefined;
  runtime = await startWorker({ config, logger, db, pingDatabase: () => pingDatabase(db), senders: buildSenders(config, logger), slack });
} catch (err) {
  logger.fatal({ err }, 'worker could not start');
  // the health server's port taken (EADDRINUSE): say so in one line, naming the port
  if (isListenError(err)) process.stderr.write(`${describeListenFailure('heinrich worker', config.port, err)}\n`);
  await db.close().catch(() => {});
  process.exit(1);
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'worker shutting down');
  // jobs cut off here were not committed; BullMQ's stalled check runs them again elsewhere
  const force = setTimeout(() => {
    logger.warn({ timeoutMs: config.shutdownTimeoutMs }, 'in-flight jobs did not finish in time; exiting');
    process.exit(0);
  }, config.shutdownTimeoutMs);
  force.unref();
  await runtime.close().catch((err: unknown) => logger.error({ err }, 'worker did not close cleanly'));
  await db.close().catch(() => {});
  clearTimeout(force);
  logger.info('worker stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
