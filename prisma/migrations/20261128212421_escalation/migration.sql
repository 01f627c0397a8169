-- CreateEnum
CREATE TYPE "escalation_status" AS ENUM ('active', 'acknowledged', 'stopped', 'exhausted');

-- CreateEnum
CREATE TYPE "notification_status" AS ENUM ('pending', 'cancelled', 'sent', 'failed');

-- AlterTable
ALTER TABLE "escalation_policies" ADD COLUMN     "repeat" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "steps" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "services" ADD COLUMN     "ack_timeout_minutes" INTEGER;

-- CreateTable
CREATE TABLE "incident_escalations" (
    "incident_id" UUID NOT NULL,
    "policy_id" UUID,
    "policy" JSONB NOT NULL,
    "urgency" TEXT NOT NULL,
    "base_cycle" INTEGER NOT NULL DEFAULT 0,
    "cycle" INTEGER NOT NULL DEFAULT 0,
    "step" INTEGER NOT NULL DEFAULT 0,
    "generation" INTEGER NOT NULL DEFAULT 0,
    "status" "escalation_status" NOT NULL DEFAULT 'active',
    "next_due_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incident_escalations_pkey" PRIMARY KEY ("incident_id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "incident_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "cycle" INTEGER NOT NULL,
    "step" INTEGER NOT NULL,
    "reason" JSONB NOT NULL DEFAULT '[]',
    "channel" TEXT,
    "allow_voice" BOOLEAN NOT NULL DEFAULT true,
    "status" "notification_status" NOT NULL DEFAULT 'pending',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "incident_escalations_next_due_at_idx" ON "incident_escalations"("next_due_at");

-- CreateIndex
CREATE INDEX "incident_escalations_policy_id_idx" ON "incident_escalations"("policy_id");

-- CreateIndex
CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "notifications_status_created_at_idx" ON "notifications"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_incident_id_user_id_cycle_step_key" ON "notifications"("incident_id", "user_id", "cycle", "step");

-- AddForeignKey
ALTER TABLE "incident_escalations" ADD CONSTRAINT "incident_escalations_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_escalations" ADD CONSTRAINT "incident_escalations_policy_id_fkey" FOREIGN KEY ("policy_id") REFERENCES "escalation_policies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
