-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "referralBatchId" INTEGER;

-- CreateTable
CREATE TABLE "ReferralBatch" (
    "id" SERIAL NOT NULL,
    "requestKey" UUID NOT NULL,
    "workingGroupId" INTEGER NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "createdById" INTEGER NOT NULL,
    "request" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "filter" JSONB NOT NULL DEFAULT '{}',
    "skipped" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferralBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReferralBatch_requestKey_key" ON "ReferralBatch"("requestKey");

-- CreateIndex
CREATE INDEX "ReferralBatch_workingGroupId_createdAt_idx" ON "ReferralBatch"("workingGroupId", "createdAt");

-- CreateIndex
CREATE INDEX "Task_referralBatchId_idx" ON "Task"("referralBatchId");

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_referralBatchId_fkey" FOREIGN KEY ("referralBatchId") REFERENCES "ReferralBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralBatch" ADD CONSTRAINT "ReferralBatch_workingGroupId_fkey" FOREIGN KEY ("workingGroupId") REFERENCES "WorkingGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralBatch" ADD CONSTRAINT "ReferralBatch_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralBatch" ADD CONSTRAINT "ReferralBatch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

