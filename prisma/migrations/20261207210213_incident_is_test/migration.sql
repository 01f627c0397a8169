-- AlterTable
ALTER TABLE "incidents" ADD COLUMN     "is_test" BOOLEAN NOT NULL DEFAULT false;
