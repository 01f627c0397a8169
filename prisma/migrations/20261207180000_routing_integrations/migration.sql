-- AlterTable
ALTER TABLE "services" ADD COLUMN     "routing_name" TEXT;

-- CreateTable
CREATE TABLE "routing_integrations" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "team_id" UUID,
    "routes" JSONB NOT NULL DEFAULT '[]',
    "catch_all_service_id" UUID,
    "secret_hash" TEXT NOT NULL,
    "secret_prefix" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(6),

    CONSTRAINT "routing_integrations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unrouted_alerts" (
    "id" UUID NOT NULL,
    "routing_integration_id" UUID NOT NULL,
    "received_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "service_id" UUID,
    "fingerprint" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "labels" JSONB NOT NULL,
    "annotations" JSONB NOT NULL,

    CONSTRAINT "unrouted_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "routing_integrations_secret_hash_key" ON "routing_integrations"("secret_hash");

-- CreateIndex
CREATE INDEX "routing_integrations_team_id_idx" ON "routing_integrations"("team_id");

-- CreateIndex
CREATE INDEX "routing_integrations_catch_all_service_id_idx" ON "routing_integrations"("catch_all_service_id");

-- CreateIndex
CREATE INDEX "unrouted_alerts_routing_integration_id_received_at_idx" ON "unrouted_alerts"("routing_integration_id", "received_at");

-- CreateIndex
CREATE INDEX "unrouted_alerts_service_id_idx" ON "unrouted_alerts"("service_id");

-- CreateIndex
CREATE UNIQUE INDEX "services_routing_name_key" ON "services"("routing_name");

-- AddForeignKey
ALTER TABLE "routing_integrations" ADD CONSTRAINT "routing_integrations_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "routing_integrations" ADD CONSTRAINT "routing_integrations_catch_all_service_id_fkey" FOREIGN KEY ("catch_all_service_id") REFERENCES "services"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unrouted_alerts" ADD CONSTRAINT "unrouted_alerts_routing_integration_id_fkey" FOREIGN KEY ("routing_integration_id") REFERENCES "routing_integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unrouted_alerts" ADD CONSTRAINT "unrouted_alerts_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE SET NULL ON UPDATE CASCADE;
