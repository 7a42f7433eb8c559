-- CreateEnum
CREATE TYPE "ClusterStatus" AS ENUM ('open', 'closed');

-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN     "clusterId" INTEGER;

-- CreateTable
CREATE TABLE "Cluster" (
    "id" SERIAL NOT NULL,
    "workingGroupId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "proposalKey" TEXT,
    "status" "ClusterStatus" NOT NULL DEFAULT 'open',
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Cluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseCluster" (
    "id" SERIAL NOT NULL,
    "clusterId" INTEGER NOT NULL,
    "caseId" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),
    "removedById" INTEGER,

    CONSTRAINT "CaseCluster_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Cluster_workingGroupId_status_idx" ON "Cluster"("workingGroupId", "status");

-- CreateIndex
CREATE INDEX "CaseCluster_clusterId_idx" ON "CaseCluster"("clusterId");

-- CreateIndex
CREATE INDEX "CaseCluster_caseId_idx" ON "CaseCluster"("caseId");

-- AddForeignKey
ALTER TABLE "Cluster" ADD CONSTRAINT "Cluster_workingGroupId_fkey" FOREIGN KEY ("workingGroupId") REFERENCES "WorkingGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cluster" ADD CONSTRAINT "Cluster_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseCluster" ADD CONSTRAINT "CaseCluster_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseCluster" ADD CONSTRAINT "CaseCluster_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseCluster" ADD CONSTRAINT "CaseCluster_removedById_fkey" FOREIGN KEY ("removedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A case is in at most one open cluster: one active membership per case (Prisma cannot declare a
-- partial index; the services also lock the case rows before adding them).
CREATE UNIQUE INDEX "CaseCluster_caseId_active_key" ON "CaseCluster"("caseId") WHERE "active";
