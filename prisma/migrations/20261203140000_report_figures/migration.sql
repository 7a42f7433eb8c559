-- The quarterly report (issue 12): a bank's loan decision on a task, the REPORT outbox kind, and
-- one row per report sent by itself (per working group and period).
-- CreateEnum
CREATE TYPE "LoanDecision" AS ENUM ('approved', 'refused');

-- AlterEnum
ALTER TYPE "OutboxKind" ADD VALUE 'REPORT';

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "loanAmountRials" BIGINT,
ADD COLUMN     "loanDecision" "LoanDecision",
ADD COLUMN     "loanRefusalReasons" TEXT;

-- CreateTable
CREATE TABLE "ReportDispatch" (
    "id" SERIAL NOT NULL,
    "workingGroupId" INTEGER NOT NULL,
    "periodCode" TEXT NOT NULL,
    "recipients" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportDispatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportDispatch_workingGroupId_periodCode_key" ON "ReportDispatch"("workingGroupId", "periodCode");

-- AddForeignKey
ALTER TABLE "ReportDispatch" ADD CONSTRAINT "ReportDispatch_workingGroupId_fkey" FOREIGN KEY ("workingGroupId") REFERENCES "WorkingGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


