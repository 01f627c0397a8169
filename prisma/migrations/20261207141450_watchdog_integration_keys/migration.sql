-- AlterTable
ALTER TABLE "integration_keys" ADD COLUMN     "heartbeat_id" UUID,
ADD COLUMN     "watchdog_alertname" TEXT,
ADD COLUMN     "watchdog_group_interval_seconds" INTEGER,
ADD COLUMN     "watchdog_repeat_interval_seconds" INTEGER;

-- CreateIndex
CREATE INDEX "integration_keys_heartbeat_id_idx" ON "integration_keys"("heartbeat_id");

-- AddForeignKey
ALTER TABLE "integration_keys" ADD CONSTRAINT "integration_keys_heartbeat_id_fkey" FOREIGN KEY ("heartbeat_id") REFERENCES "heartbeats"("id") ON DELETE SET NULL ON UPDATE CASCADE;
