-- CreateTable
CREATE TABLE "RestartPlan" (
    "id" SERIAL NOT NULL,
    "requestKey" UUID NOT NULL,
    "workingGroupId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "caseId" INTEGER NOT NULL,
    "startedFrom" "ActivityStatus" NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "restartedAt" TIMESTAMP(3),

    CONSTRAINT "RestartPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RestartMilestone" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "taskId" INTEGER NOT NULL,
    "movesTo" "ActivityStatus",

    CONSTRAINT "RestartMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RestartPlan_requestKey_key" ON "RestartPlan"("requestKey");

-- CreateIndex
CREATE UNIQUE INDEX "RestartPlan_unitId_key" ON "RestartPlan"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "RestartPlan_caseId_key" ON "RestartPlan"("caseId");

-- CreateIndex
CREATE INDEX "RestartPlan_workingGroupId_restartedAt_idx" ON "RestartPlan"("workingGroupId", "restartedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RestartMilestone_taskId_key" ON "RestartMilestone"("taskId");

-- CreateIndex
CREATE UNIQUE INDEX "RestartMilestone_planId_position_key" ON "RestartMilestone"("planId", "position");

-- AddForeignKey
ALTER TABLE "RestartPlan" ADD CONSTRAINT "RestartPlan_workingGroupId_fkey" FOREIGN KEY ("workingGroupId") REFERENCES "WorkingGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RestartPlan" ADD CONSTRAINT "RestartPlan_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "ProductionUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RestartPlan" ADD CONSTRAINT "RestartPlan_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RestartPlan" ADD CONSTRAINT "RestartPlan_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RestartMilestone" ADD CONSTRAINT "RestartMilestone_planId_fkey" FOREIGN KEY ("planId") REFERENCES "RestartPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RestartMilestone" ADD CONSTRAINT "RestartMilestone_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RestartMilestone" ADD CONSTRAINT "RestartMilestone_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

