-- CreateTable
CREATE TABLE "UnitInvitation" (
    "id" SERIAL NOT NULL,
    "codeHash" TEXT NOT NULL,
    "unitId" INTEGER NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedById" INTEGER,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "UnitInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UnitInvitation_codeHash_key" ON "UnitInvitation"("codeHash");

-- CreateIndex
CREATE INDEX "UnitInvitation_unitId_idx" ON "UnitInvitation"("unitId");

-- AddForeignKey
ALTER TABLE "UnitInvitation" ADD CONSTRAINT "UnitInvitation_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "ProductionUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitInvitation" ADD CONSTRAINT "UnitInvitation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitInvitation" ADD CONSTRAINT "UnitInvitation_usedById_fkey" FOREIGN KEY ("usedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

