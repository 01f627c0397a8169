-- AlterTable
ALTER TABLE "routing_integrations" ADD COLUMN     "alert_rules" JSONB NOT NULL DEFAULT '[]';
