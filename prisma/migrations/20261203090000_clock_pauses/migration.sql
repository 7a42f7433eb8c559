-- Clocks that pause for the party that is waiting (issue "Time is the product", item 4): a
-- task's clock stops while its case waits on someone other than the task's agency; the due date
-- moves by the working days paused when the pause ends (src/services/clock-pauses.ts).

-- CreateEnum
CREATE TYPE "ClockWaitingOn" AS ENUM ('producer', 'agency', 'meeting');

-- CreateTable
CREATE TABLE "ClockPause" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "taskId" INTEGER NOT NULL,
    "waitingOn" "ClockWaitingOn" NOT NULL,
    "reason" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "pausedWorkingDays" INTEGER,
    "createdById" INTEGER,

    CONSTRAINT "ClockPause_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClockPause_taskId_endedAt_idx" ON "ClockPause"("taskId", "endedAt");

-- CreateIndex
CREATE INDEX "ClockPause_caseId_endedAt_idx" ON "ClockPause"("caseId", "endedAt");

-- AddForeignKey
ALTER TABLE "ClockPause" ADD CONSTRAINT "ClockPause_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClockPause" ADD CONSTRAINT "ClockPause_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClockPause" ADD CONSTRAINT "ClockPause_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One wait at a time: a task has at most one running pause (Prisma's schema cannot express a
-- partial index; the services also serialise on the case row).
CREATE UNIQUE INDEX "ClockPause_taskId_running_key" ON "ClockPause"("taskId") WHERE "endedAt" IS NULL;
