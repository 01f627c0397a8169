-- AlterTable
ALTER TABLE "incidents" ADD COLUMN     "maintenance_release" TEXT,
ADD COLUMN     "maintenance_released_at" TIMESTAMPTZ(6),
ADD COLUMN     "maintenance_reason" TEXT,
ADD COLUMN     "maintenance_until" TIMESTAMPTZ(6),
ADD COLUMN     "maintenance_window_id" UUID;

-- CreateTable
CREATE TABLE "maintenance_windows" (
    "id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "service_ids" UUID[],
    "matchers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "team_id" UUID,
    "starts_at" TIMESTAMPTZ(6) NOT NULL,
    "ends_at" TIMESTAMPTZ(6),
    "recurrence" JSONB,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "maintenance_windows_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "maintenance_windows_ends_at_idx" ON "maintenance_windows"("ends_at");

-- CreateIndex
CREATE INDEX "incidents_maintenance_window_id_idx" ON "incidents"("maintenance_window_id");

-- CreateIndex
CREATE INDEX "incidents_maintenance_until_idx" ON "incidents"("maintenance_until");

-- CreateIndex
CREATE INDEX "incidents_service_id_maintenance_released_at_idx" ON "incidents"("service_id", "maintenance_released_at");

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_maintenance_window_id_fkey" FOREIGN KEY ("maintenance_window_id") REFERENCES "maintenance_windows"("id") ON DELETE SET NULL ON UPDATE CASCADE;
