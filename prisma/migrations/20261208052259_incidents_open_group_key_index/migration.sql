-- CreateIndex
-- the open incident of a group key, whatever the service: where a routing integration's event goes (docs/routing.md).
-- IF NOT EXISTS: a large installation may build it beforehand with CREATE INDEX CONCURRENTLY (docs/operations.md "Upgrades").
CREATE INDEX IF NOT EXISTS "incidents_open_group_key_idx" ON "incidents"("open_group_key");
