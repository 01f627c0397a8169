-- AlterTable
ALTER TABLE "contact_methods" ADD COLUMN     "disabled_at" TIMESTAMPTZ(6),
ADD COLUMN     "disabled_reason" TEXT,
ADD COLUMN     "verification_attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "verification_code_hash" TEXT,
ADD COLUMN     "verification_expires_at" TIMESTAMPTZ(6),
ADD COLUMN     "verification_sent_at" TIMESTAMPTZ(6);

-- CreateTable
CREATE TABLE "sms_reply_codes" (
    "user_id" UUID NOT NULL,
    "code" INTEGER NOT NULL,
    "incident_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sms_reply_codes_pkey" PRIMARY KEY ("user_id","code")
);

-- CreateIndex
CREATE INDEX "sms_reply_codes_incident_id_idx" ON "sms_reply_codes"("incident_id");

-- CreateIndex
CREATE UNIQUE INDEX "sms_reply_codes_user_id_incident_id_key" ON "sms_reply_codes"("user_id", "incident_id");

-- AddForeignKey
ALTER TABLE "sms_reply_codes" ADD CONSTRAINT "sms_reply_codes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sms_reply_codes" ADD CONSTRAINT "sms_reply_codes_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;
