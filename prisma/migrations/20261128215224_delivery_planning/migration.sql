-- AlterTable
ALTER TABLE "notifications" ADD COLUMN     "planned_at" TIMESTAMPTZ(6);

-- pages written before delivery existed are not delivered now
UPDATE "notifications" SET "planned_at" = now();

-- CreateIndex
CREATE INDEX "notifications_planned_at_status_idx" ON "notifications"("planned_at", "status");

-- A new page wakes the delivery dispatcher when its transaction commits
-- (NOTIFY is delivered at commit; duplicates within one transaction fold into one).
CREATE FUNCTION notify_heinrich_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('heinrich_deliveries', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER notifications_notify_deliveries
  AFTER INSERT ON "notifications"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_heinrich_deliveries();
