-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "fieldVisitId" INTEGER;

-- CreateTable
CREATE TABLE "FieldVisit" (
    "id" SERIAL NOT NULL,
    "submissionKey" UUID NOT NULL,
    "workingGroupId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "visitedOn" TIMESTAMP(3) NOT NULL,
    "participants" TEXT NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FieldVisit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FieldVisit_submissionKey_key" ON "FieldVisit"("submissionKey");

-- CreateIndex
CREATE INDEX "FieldVisit_workingGroupId_visitedOn_id_idx" ON "FieldVisit"("workingGroupId", "visitedOn", "id");

-- CreateIndex
CREATE INDEX "FieldVisit_unitId_idx" ON "FieldVisit"("unitId");

-- CreateIndex
CREATE INDEX "Case_fieldVisitId_idx" ON "Case"("fieldVisitId");

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_fieldVisitId_fkey" FOREIGN KEY ("fieldVisitId") REFERENCES "FieldVisit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FieldVisit" ADD CONSTRAINT "FieldVisit_workingGroupId_fkey" FOREIGN KEY ("workingGroupId") REFERENCES "WorkingGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FieldVisit" ADD CONSTRAINT "FieldVisit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "ProductionUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FieldVisit" ADD CONSTRAINT "FieldVisit_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

