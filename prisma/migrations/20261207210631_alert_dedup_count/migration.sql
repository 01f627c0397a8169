-- AlterTable
ALTER TABLE "alerts" ADD COLUMN     "dedup_count" INTEGER NOT NULL DEFAULT 0;

-- Backfill (an estimate for rows stored before the counter existed): every copy after the first,
-- less the resolve that ended an occurrence through its sender (not by hand).
UPDATE "alerts" SET "dedup_count" = GREATEST("receive_count" - 1
  - CASE WHEN "status" = 'resolved' AND "resolved_by_hand_at" IS NULL THEN 1 ELSE 0 END, 0)
 WHERE "receive_count" > 1;
