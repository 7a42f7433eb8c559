-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "minutesClosedAt" TIMESTAMP(3);

