-- AlterTable
ALTER TABLE "services" ADD COLUMN     "is_test" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "deliveries_contact_method_id_updated_at_idx" ON "deliveries"("contact_method_id", "updated_at");
