// `npm run seed:demo`: the demo team, users (paged through the `log` channel),
// rotation, escalation policy, service and integration keys. Idempotent; prints
// what to send alerts with and how to sign in.
import { createLogger } from '@heinrich/config/logger';
import { createDatabase } from '@heinrich/db/create-database';
import { DEMO_PASSWORD, seedDemo } from './seed-demo';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl || !/^postgres(ql)?:\/\//.test(databaseUrl)) {
  process.stderr.write('heinrich seed:demo: DATABASE_URL: is required (a postgresql:// URL)\n');
  process.exit(1);
}

const db = createDatabase({ url: databaseUrl, poolSize: 2, applicationName: 'heinrich-seed' });
const logger = createLogger({ name: 'heinrich-seed', level: 'warn' });
try {
  // seeding writes configuration only: no incident events to publish
  const seed = await seedDemo({ db, logger, now: () => new Date(), publisher: { publish: async () => ({ published: 0, failed: 0 }) } });
  process.stdout.write(
    `${JSON.stringify({
      msg: 'demo data ready',
      serviceId: seed.serviceId,
      alertmanagerKey: seed.alertmanagerKey,
      eventsKey: seed.eventsKey,
      signIn: { email: 'alice@demo.heinrich.invalid', password: DEMO_PASSWORD },
    })}\n`,
  );
} finally {
  await db.close();
}
