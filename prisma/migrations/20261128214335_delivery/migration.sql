-- AlterTable
ALTER TABLE "contact_methods" ADD COLUMN     "signing_secret" TEXT;

-- CreateTable
CREATE TABLE "notification_rules" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "contact_method_id" UUID NOT NULL,
    "delay_minutes" INTEGER NOT NULL,
    "urgency" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_rules_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notification_rules_user_id_idx" ON "notification_rules"("user_id");

-- CreateIndex
CREATE INDEX "notification_rules_contact_method_id_idx" ON "notification_rules"("contact_method_id");

-- AddForeignKey
ALTER TABLE "notification_rules" ADD CONSTRAINT "notification_rules_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_rules" ADD CONSTRAINT "notification_rules_contact_method_id_fkey" FOREIGN KEY ("contact_method_id") REFERENCES "contact_methods"("id") ON DELETE CASCADE ON UPDATE CASCADE;
