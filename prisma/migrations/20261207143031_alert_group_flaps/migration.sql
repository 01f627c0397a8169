-- CreateTable
CREATE TABLE "alert_group_flaps" (
    "service_id" UUID NOT NULL,
    "group_key_hash" TEXT NOT NULL,
    "firing" BOOLEAN NOT NULL,
    "changes" TIMESTAMPTZ(6)[],
    "flapping_since" TIMESTAMPTZ(6),
    "flap_changes" INTEGER NOT NULL DEFAULT 0,
    "incident_id" UUID,
    "ended_by" TEXT,
    "ended_at" TIMESTAMPTZ(6),
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_group_flaps_pkey" PRIMARY KEY ("service_id","group_key_hash")
);

-- CreateIndex
CREATE INDEX "alert_group_flaps_flapping_since_idx" ON "alert_group_flaps"("flapping_since");

-- CreateIndex
CREATE INDEX "alert_group_flaps_incident_id_idx" ON "alert_group_flaps"("incident_id");

-- CreateIndex
CREATE INDEX "incidents_service_id_group_key_hash_created_at_idx" ON "incidents"("service_id", "group_key_hash", "created_at");

-- AddForeignKey
ALTER TABLE "alert_group_flaps" ADD CONSTRAINT "alert_group_flaps_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;
