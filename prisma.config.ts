// Prisma CLI configuration. Heinrich applies migrations with its own runner
// (`npm run migrate`, packages/db/src/migrate); the CLI is used for `generate`.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://unused@127.0.0.1:5432/unused' },
});
