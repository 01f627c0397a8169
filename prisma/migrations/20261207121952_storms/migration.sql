-- AlterTable
ALTER TABLE "incidents" ADD COLUMN     "storm_id" UUID;

-- CreateTable
CREATE TABLE "storms" (
    "id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "open_service_id" UUID,
    "started_by_incident_id" UUID NOT NULL,
    "started_at" TIMESTAMPTZ(6) NOT NULL,
    "ended_at" TIMESTAMPTZ(6),
    "last_incident_at" TIMESTAMPTZ(6) NOT NULL,
    "trigger_incidents" INTEGER NOT NULL,
    "window_seconds" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "incident_count" INTEGER NOT NULL DEFAULT 1,
    "held_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "storms_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "storms_open_service_id_key" ON "storms"("open_service_id");

-- CreateIndex
CREATE INDEX "storms_service_id_started_at_idx" ON "storms"("service_id", "started_at");

-- CreateIndex
CREATE INDEX "storms_started_by_incident_id_idx" ON "storms"("started_by_incident_id");

-- CreateIndex
CREATE INDEX "storms_started_at_idx" ON "storms"("started_at");

-- CreateIndex
CREATE INDEX "incidents_storm_id_idx" ON "incidents"("storm_id");

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_storm_id_fkey" FOREIGN KEY ("storm_id") REFERENCES "storms"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "storms" ADD CONSTRAINT "storms_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;
