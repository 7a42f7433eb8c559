-- /stats at 50,000 cases (issue "A lean process"; bench/statistics.ts): the period indexes carry
-- the columns the statistics read of the cases they find, so a year's counts, units and medians
-- are index-only scans instead of visits to ~24,000 wide case rows (a seq scan of the table
-- cost 11-16 ms per statement on the benchmark's machine). Index-only scans need the visibility
-- map, which autovacuum keeps; a page changed since it last ran is read from the table as before.
-- The price: category, the unit and firstActionAt are indexed now too (status and urgency already
-- were), so the trigger setting firstActionAt (once per case) is no longer a HOT update. A case
-- changes a few times in its life; /stats reads them all, every time it is opened.

-- DropIndex
DROP INDEX "Case_workingGroupId_resolvedAt_idx";

-- DropIndex
DROP INDEX "Case_workingGroupId_submittedAt_idx";

-- CreateIndex
CREATE INDEX "Case_workingGroupId_submittedAt_idx" ON "Case"("workingGroupId", "submittedAt", "status", "category", "urgency", "unitId", "firstActionAt");

-- CreateIndex
CREATE INDEX "Case_workingGroupId_resolvedAt_idx" ON "Case"("workingGroupId", "resolvedAt", "submittedAt");

-- CreateIndex (the ratings of a working group's cases: an index-only join, not a scan of the table)
CREATE INDEX "Case_workingGroupId_id_idx" ON "Case"("workingGroupId", "id");

