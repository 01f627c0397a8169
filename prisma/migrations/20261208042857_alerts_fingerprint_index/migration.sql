-- CreateIndex
-- which service holds an occurrence, whatever the service: a routing integration's re-send goes where its first copy went (docs/routing.md).
-- IF NOT EXISTS: a large installation may build it beforehand with CREATE INDEX CONCURRENTLY (docs/operations.md "Upgrades").
CREATE INDEX IF NOT EXISTS "alerts_fingerprint_starts_at_idx" ON "alerts"("fingerprint", "starts_at");
