-- CreateEnum
CREATE TYPE "heartbeat_status" AS ENUM ('new', 'up', 'late', 'down', 'paused');

-- CreateTable
CREATE TABLE "heartbeats" (
    "id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "interval_seconds" INTEGER NOT NULL,
    "grace_seconds" INTEGER NOT NULL DEFAULT 0,
    "token_hash" TEXT NOT NULL,
    "token_prefix" TEXT NOT NULL,
    "status" "heartbeat_status" NOT NULL DEFAULT 'new',
    "last_ping_at" TIMESTAMPTZ(6),
    "due_at" TIMESTAMPTZ(6),
    "incident_id" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "heartbeats_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "heartbeats_token_hash_key" ON "heartbeats"("token_hash");

-- CreateIndex
CREATE INDEX "heartbeats_due_at_idx" ON "heartbeats"("due_at");

-- CreateIndex
CREATE UNIQUE INDEX "heartbeats_service_id_name_key" ON "heartbeats"("service_id", "name");

-- AddForeignKey
ALTER TABLE "heartbeats" ADD CONSTRAINT "heartbeats_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;
