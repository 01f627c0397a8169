export type { IntegrationKeySummary } from '@heinrich/db/integration-keys/integration-key-summary';
