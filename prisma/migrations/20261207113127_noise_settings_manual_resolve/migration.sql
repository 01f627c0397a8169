-- AlterTable
ALTER TABLE "alerts" ADD COLUMN     "resolved_by_hand_at" TIMESTAMPTZ(6);

-- AlterTable
ALTER TABLE "incidents" ADD COLUMN     "firing_alerts_at_resolve" INTEGER;

-- AlterTable
ALTER TABLE "services" ADD COLUMN     "noise" JSONB NOT NULL DEFAULT '{}';
