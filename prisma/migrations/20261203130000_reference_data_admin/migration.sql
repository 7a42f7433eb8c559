-- Reference data managed from the bot (issue 15, item 6): the seed's stable keys, counties that
-- can be deactivated, industrial estates per working group, units that reference their county
-- and estate, and the audit trail of reference-data and role changes.

-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "seedKey" TEXT;

-- AlterTable
ALTER TABLE "County" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "seedKey" TEXT;

-- AlterTable
ALTER TABLE "ProductionUnit" ADD COLUMN     "countyId" INTEGER,
ADD COLUMN     "industrialEstateId" INTEGER;

-- CreateTable
CREATE TABLE "IndustrialEstate" (
    "id" SERIAL NOT NULL,
    "workingGroupId" INTEGER NOT NULL,
    "nameFa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "seedKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IndustrialEstate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" SERIAL NOT NULL,
    "actorId" INTEGER,
    "workingGroupId" INTEGER,
    "entityType" TEXT NOT NULL,
    "entityId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IndustrialEstate_workingGroupId_nameFa_key" ON "IndustrialEstate"("workingGroupId", "nameFa");

-- CreateIndex
CREATE UNIQUE INDEX "IndustrialEstate_workingGroupId_seedKey_key" ON "IndustrialEstate"("workingGroupId", "seedKey");

-- CreateIndex
CREATE INDEX "AuditEntry_workingGroupId_id_idx" ON "AuditEntry"("workingGroupId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_workingGroupId_seedKey_key" ON "Agency"("workingGroupId", "seedKey");

-- CreateIndex
CREATE UNIQUE INDEX "County_workingGroupId_seedKey_key" ON "County"("workingGroupId", "seedKey");

-- AddForeignKey
ALTER TABLE "IndustrialEstate" ADD CONSTRAINT "IndustrialEstate_workingGroupId_fkey" FOREIGN KEY ("workingGroupId") REFERENCES "WorkingGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_workingGroupId_fkey" FOREIGN KEY ("workingGroupId") REFERENCES "WorkingGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductionUnit" ADD CONSTRAINT "ProductionUnit_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "County"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductionUnit" ADD CONSTRAINT "ProductionUnit_industrialEstateId_fkey" FOREIGN KEY ("industrialEstateId") REFERENCES "IndustrialEstate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Every agency and county so far came from the seed under its Persian name: that name is its
-- seed key, so a later rename by an admin is never "missing" to the seed again.
UPDATE "Agency" SET "seedKey" = "nameFa" WHERE "seedKey" IS NULL;
UPDATE "County" SET "seedKey" = "nameFa" WHERE "seedKey" IS NULL;

-- Units registered with a listed county's name reference that county.
UPDATE "ProductionUnit" AS u SET "countyId" = c."id"
  FROM "County" AS c
  WHERE c."workingGroupId" = u."workingGroupId" AND c."nameFa" = u."county" AND u."countyId" IS NULL;

-- The audit trail is evidence: once written, an entry is never changed or removed.
CREATE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditEntry is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entry_append_only
  BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
