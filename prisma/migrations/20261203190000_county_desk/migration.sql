-- County desks (issue 13, item 5): a role scoped to one county of a working group.
ALTER TYPE "Role" ADD VALUE 'COUNTY_DESK';

ALTER TABLE "Membership" ADD COLUMN "countyId" INTEGER;
ALTER TABLE "Invitation" ADD COLUMN "countyId" INTEGER;

ALTER TABLE "Membership" ADD CONSTRAINT "Membership_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "County"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "County"("id") ON DELETE SET NULL ON UPDATE CASCADE;
