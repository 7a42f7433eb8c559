-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "filedById" INTEGER,
ADD COLUMN     "intakeChannel" TEXT,
ADD COLUMN     "onBehalfName" TEXT;

-- AlterTable
ALTER TABLE "UnitInvitation" ADD COLUMN     "caseId" INTEGER;

-- AddForeignKey
ALTER TABLE "UnitInvitation" ADD CONSTRAINT "UnitInvitation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_filedById_fkey" FOREIGN KEY ("filedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

