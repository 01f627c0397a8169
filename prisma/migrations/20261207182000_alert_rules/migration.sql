-- AlterTable
ALTER TABLE "alerts" ADD COLUMN     "alert_rules" JSONB;

-- AlterTable
ALTER TABLE "incidents" ADD COLUMN     "suppressed_by" JSONB;

-- AlterTable
ALTER TABLE "services" ADD COLUMN     "alert_rules" JSONB NOT NULL DEFAULT '[]';
