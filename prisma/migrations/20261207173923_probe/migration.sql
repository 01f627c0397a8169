-- AlterTable
ALTER TABLE "services" ADD COLUMN     "is_probe" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "is_probe" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "probe" (
    "id" SMALLINT NOT NULL DEFAULT 1,
    "service_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "escalation_policy_id" UUID NOT NULL,
    "contact_method_id" UUID NOT NULL,
    "integration_key_id" UUID NOT NULL,
    "ingest_secret" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "probe_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "probe_runs" (
    "id" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "sent_at" TIMESTAMPTZ(6) NOT NULL,
    "incident_id" UUID,
    "received_at" TIMESTAMPTZ(6),
    "finished_at" TIMESTAMPTZ(6),
    "error" TEXT,
    "resolved_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "probe_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "probe_service_id_key" ON "probe"("service_id");

-- CreateIndex
CREATE UNIQUE INDEX "probe_user_id_key" ON "probe"("user_id");

-- CreateIndex
CREATE INDEX "probe_runs_status_sent_at_idx" ON "probe_runs"("status", "sent_at");

-- CreateIndex
CREATE INDEX "probe_runs_incident_id_idx" ON "probe_runs"("incident_id");

-- AddForeignKey
ALTER TABLE "probe" ADD CONSTRAINT "probe_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "probe" ADD CONSTRAINT "probe_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
