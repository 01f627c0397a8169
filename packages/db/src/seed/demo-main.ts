// `npm run seed:demo`: the demo team, users (paged through the `log` channel),
// service and integration keys. Idempotent; prints what to send alerts with.
import { createDatabase } from '../create-database';
import { seedDemo } from './seed-demo';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl || !/^postgres(ql)?:\/\//.test(databaseUrl)) {
  process.stderr.write('heinrich seed:demo: DATABASE_URL: is required (a postgresql:// URL)\n');
  process.exit(1);
}

const db = createDatabase({ url: databaseUrl, poolSize: 2, applicationName: 'heinrich-seed' });
try {
  const seed = await seedDemo(db);
  process.stdout.write(
    `${JSON.stringify({
      msg: 'demo data ready',
      serviceId: seed.serviceId,
      alertmanagerKey: seed.alertmanagerKey,
      eventsKey: seed.eventsKey,
      try: `curl -X POST -H 'Authorization: Bearer ${seed.alertmanagerKey}' -H 'Content-Type: application/json' --data @payload.json http://localhost:8080/api/v1/integrations/alertmanager`,
    })}\n`,
  );
} finally {
  await db.close();
}
