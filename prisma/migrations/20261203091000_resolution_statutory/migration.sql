-- Statutory timers on resolutions (issue "Time is the product", item 5): the notification
-- (ابلاغ) to the agency, its objection window, the one objection with written reasons, the
-- secretariat's or chair's decision on it, and the moment the resolution became binding.

-- CreateEnum
CREATE TYPE "ObjectionDecision" AS ENUM ('confirmed', 'amended');

-- AlterTable
ALTER TABLE "Resolution" ADD COLUMN "notifiedAt" TIMESTAMP(3),
ADD COLUMN "objectionDeadline" TIMESTAMP(3),
ADD COLUMN "objectedAt" TIMESTAMP(3),
ADD COLUMN "objectionReasons" TEXT,
ADD COLUMN "objectedById" INTEGER,
ADD COLUMN "objectionDecision" "ObjectionDecision",
ADD COLUMN "decidedAt" TIMESTAMP(3),
ADD COLUMN "decidedById" INTEGER,
ADD COLUMN "amendedText" TEXT,
ADD COLUMN "bindingAt" TIMESTAMP(3);

-- AddForeignKey
ALTER TABLE "Resolution" ADD CONSTRAINT "Resolution_objectedById_fkey" FOREIGN KEY ("objectedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resolution" ADD CONSTRAINT "Resolution_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
