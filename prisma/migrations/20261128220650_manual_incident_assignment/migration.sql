-- AlterTable
ALTER TABLE "incidents" ADD COLUMN     "assignment" JSONB;
