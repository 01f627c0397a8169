-- AlterTable
ALTER TABLE "users" ADD COLUMN     "slack_user_id" TEXT;

-- CreateTable
CREATE TABLE "slack_messages" (
    "id" UUID NOT NULL,
    "incident_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "delivery_id" UUID,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "channel_id" TEXT,
    "ts" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "claimed_until" TIMESTAMPTZ(6),
    "wanted_seq" BIGINT NOT NULL DEFAULT 0,
    "synced_seq" BIGINT NOT NULL DEFAULT 0,
    "posted_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "slack_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "slack_messages_status_updated_at_idx" ON "slack_messages"("status", "updated_at");

-- CreateIndex
CREATE INDEX "slack_messages_delivery_id_idx" ON "slack_messages"("delivery_id");

-- CreateIndex
CREATE UNIQUE INDEX "slack_messages_incident_id_key_key" ON "slack_messages"("incident_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "users_slack_user_id_key" ON "users"("slack_user_id");

-- AddForeignKey
ALTER TABLE "slack_messages" ADD CONSTRAINT "slack_messages_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slack_messages" ADD CONSTRAINT "slack_messages_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "deliveries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Every timeline event of an incident with Slack messages marks them stale and
-- wakes the worker's Slack sync when its transaction commits, whatever path
-- wrote it (API, UI, SMS, voice, Slack, ingest, the engine). NOTIFYs with the
-- same payload in one transaction fold into one.
CREATE FUNCTION slack_messages_mark_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "slack_messages" SET "wanted_seq" = NEW."seq"
   WHERE "incident_id" = NEW."incident_id" AND "wanted_seq" < NEW."seq";
  IF FOUND THEN
    PERFORM pg_notify('heinrich_slack', NEW."incident_id"::text);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER incident_events_mark_slack_stale
  AFTER INSERT ON "incident_events"
  FOR EACH ROW EXECUTE FUNCTION slack_messages_mark_stale();

-- A new message to post (the engine's channel target) wakes the sync too.
CREATE FUNCTION notify_heinrich_slack() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('heinrich_slack', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER slack_messages_notify
  AFTER INSERT ON "slack_messages"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_heinrich_slack();
