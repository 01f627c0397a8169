-- AlterTable
ALTER TABLE "integration_keys" ADD COLUMN     "external_url" TEXT;

-- CreateTable
CREATE TABLE "incident_silences" (
    "id" UUID NOT NULL,
    "incident_id" UUID NOT NULL,
    "open_for" UUID,
    "integration_key_id" UUID,
    "alertmanager_url" TEXT NOT NULL,
    "silence_id" TEXT,
    "matchers" JSONB NOT NULL DEFAULT '[]',
    "starts_at" TIMESTAMPTZ(6) NOT NULL,
    "ends_at" TIMESTAMPTZ(6) NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_by_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expired_at" TIMESTAMPTZ(6),
    "expired_by" TEXT,
    "last_polled_at" TIMESTAMPTZ(6),

    CONSTRAINT "incident_silences_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "incident_silences_open_for_key" ON "incident_silences"("open_for");

-- CreateIndex
CREATE INDEX "incident_silences_incident_id_created_at_idx" ON "incident_silences"("incident_id", "created_at");

-- CreateIndex
CREATE INDEX "incident_silences_integration_key_id_idx" ON "incident_silences"("integration_key_id");

-- AddForeignKey
ALTER TABLE "incident_silences" ADD CONSTRAINT "incident_silences_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_silences" ADD CONSTRAINT "incident_silences_integration_key_id_fkey" FOREIGN KEY ("integration_key_id") REFERENCES "integration_keys"("id") ON DELETE SET NULL ON UPDATE CASCADE;
