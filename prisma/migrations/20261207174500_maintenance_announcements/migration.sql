-- AlterTable
ALTER TABLE "maintenance_windows" ADD COLUMN     "announce" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "maintenance_announcements" (
    "id" UUID NOT NULL,
    "window_id" UUID NOT NULL,
    "occurrence_start" TIMESTAMPTZ(6) NOT NULL,
    "kind" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(6) NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "next_attempt_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_until" TIMESTAMPTZ(6),
    "ts" TEXT,
    "posted_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "maintenance_announcements_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "maintenance_announcements_status_next_attempt_at_idx" ON "maintenance_announcements"("status", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "maintenance_announcements_once_key" ON "maintenance_announcements"("window_id", "occurrence_start", "kind", "channel");
