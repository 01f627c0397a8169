-- AlterTable
ALTER TABLE "deliveries" ADD COLUMN     "lease_until" TIMESTAMPTZ(6);

-- Claims from before the lease: their old rule (taken over after 2 minutes without an
-- outcome) as the deadline, so one left behind by a worker that died is queued again.
UPDATE "deliveries" SET "lease_until" = "updated_at" + interval '2 minutes' WHERE "status" = 'sending';
