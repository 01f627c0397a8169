-- CreateIndex
CREATE INDEX "deliveries_channel_provider_id_idx" ON "deliveries"("channel", "provider_id");
