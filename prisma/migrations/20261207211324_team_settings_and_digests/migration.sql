-- CreateTable
CREATE TABLE "team_settings" (
    "team_id" UUID NOT NULL,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "digest_channel" TEXT,
    "digest_enabled" BOOLEAN NOT NULL DEFAULT true,
    "digest_weekday" TEXT NOT NULL DEFAULT 'monday',
    "digest_hour" INTEGER NOT NULL DEFAULT 9,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_settings_pkey" PRIMARY KEY ("team_id")
);

-- CreateTable
CREATE TABLE "team_digests" (
    "id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "week" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(6) NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(6),
    "channel" TEXT NOT NULL,
    "slack_ts" TEXT,
    "posted_at" TIMESTAMPTZ(6),
    "finding_keys" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_digests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "team_digests_status_next_attempt_at_idx" ON "team_digests"("status", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "team_digests_team_id_week_key" ON "team_digests"("team_id", "week");

-- AddForeignKey
ALTER TABLE "team_settings" ADD CONSTRAINT "team_settings_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_digests" ADD CONSTRAINT "team_digests_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
