-- CreateEnum
CREATE TYPE "delivery_status" AS ENUM ('queued', 'sending', 'sent', 'delivered', 'failed', 'cancelled', 'unavailable');

-- CreateTable
CREATE TABLE "deliveries" (
    "id" UUID NOT NULL,
    "notification_id" UUID NOT NULL,
    "contact_method_id" UUID,
    "channel" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "rule_id" UUID,
    "due_at" TIMESTAMPTZ(6) NOT NULL,
    "status" "delivery_status" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "provider_id" TEXT,
    "error" TEXT,
    "history" JSONB NOT NULL DEFAULT '[]',
    "enqueued_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "deliveries_status_due_at_idx" ON "deliveries"("status", "due_at");

-- CreateIndex
CREATE UNIQUE INDEX "deliveries_notification_id_contact_method_id_key" ON "deliveries"("notification_id", "contact_method_id");

-- AddForeignKey
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_notification_id_fkey" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_contact_method_id_fkey" FOREIGN KEY ("contact_method_id") REFERENCES "contact_methods"("id") ON DELETE SET NULL ON UPDATE CASCADE;
