-- CreateIndex
CREATE INDEX "incident_events_type_created_at_idx" ON "incident_events"("type", "created_at");
